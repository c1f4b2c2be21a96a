"""What SHOW and current_setting() answer for a PostgreSQL server setting the session does not
hold (work_mem, shared_buffers, lc_collate, block_size ...): PostgreSQL 15's value from
``builtin_settings``, written as SHOW writes it.

SHOW writes an integer or real setting that has a unit in the largest unit that divides it
evenly, and 0 or a negative value without a unit (PostgreSQL's ``_ShowOption`` and
``convert_int_from_base_unit`` in src/backend/utils/misc/guc.c):

>>> shown("work_mem"), shown("shared_buffers"), shown("segment_size"), shown("statement_timeout")
('4MB', '128MB', '1GB', '0')
>>> shown("lc_ctype"), shown("no_such_setting")
('C.UTF-8', None)
"""

from __future__ import annotations

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.system.generated.builtin_settings import COLUMNS, SETTINGS

_ROWS = {row[0].lower(): dict(zip(COLUMNS, row)) for row in SETTINGS}
# Units from the largest down, in the smallest base unit of their kind (bytes, milliseconds).
_MEMORY = (("TB", 1024 ** 4), ("GB", 1024 ** 3), ("MB", 1024 ** 2), ("kB", 1024), ("B", 1))
_TIME = (("d", 86_400_000), ("h", 3_600_000), ("min", 60_000), ("s", 1000), ("ms", 1))
# Settings whose show hook writes the number alone (show_tcp_keepalives_idle ... in guc.c).
_NO_UNIT = {"tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout"}
_BASE = {"B": (1, _MEMORY), "kB": (1024, _MEMORY), "8kB": (8192, _MEMORY), "MB": (1024 ** 2, _MEMORY),
         "ms": (1, _TIME), "s": (1000, _TIME), "min": (60_000, _TIME)}


def shown(name: str) -> str | None:
    """SHOW's text of PostgreSQL's setting ``name`` (any case); None when PostgreSQL has none.

    Raises SqlError 42501 for the settings that name the server's own files (data_directory,
    config_file ...), as PostgreSQL does for a user without pg_read_all_settings."""
    row = _ROWS.get(name.lower())
    if row is None:
        return None
    if row["setting"] is None:
        raise SqlError("42501", f'must be superuser or have privileges of pg_read_all_settings to examine "{row["name"]}"')
    return _show(row)


# Why PostgreSQL refuses SET of a setting of this context (set_config_option in guc.c): 55P02.
UNSETTABLE = {"internal": "cannot be changed", "postmaster": "cannot be changed without restarting the server",
              "sighup": "cannot be changed now", "backend": "cannot be set after connection start",
              "superuser-backend": "cannot be set after connection start"}


def unsettable(name: str) -> str | None:
    """Why a session may not SET PostgreSQL's setting ``name`` (None: it may)."""
    row = _ROWS.get(name.lower())
    return UNSETTABLE.get(row["context"]) if row is not None else None


def known(name: str) -> bool:
    """PostgreSQL 15 has a setting ``name`` (any case)."""
    return name.lower() in _ROWS


def described() -> list[tuple[str, str, str]]:
    """(name, SHOW's text, short description) of every setting a user may read, as SHOW ALL lists them."""
    return [(row["name"], _show(row), row["short_desc"])
            for row in _ROWS.values() if row["setting"] is not None]


def _show(row: dict) -> str:
    return row["setting"] if row["name"] in _NO_UNIT else with_unit(row["setting"], row["unit"], row["vartype"])


def with_unit(setting: str, unit: str | None, vartype: str) -> str:
    """``setting`` (in its base ``unit``) as SHOW writes it: '4096', 'kB' → '4MB'."""
    if unit not in _BASE or vartype not in ("integer", "real"):
        return setting
    value = float(setting)
    if value <= 0:
        return setting
    base, table = _BASE[unit]
    total = value * base
    for name, size in table:
        count = total / size
        if size <= base or count == round(count):
            return f"{int(count)}{name}" if vartype == "integer" else f"{count:g}{name}"
    return setting
