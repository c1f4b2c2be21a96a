"""Configuration: flags, then environment, then one config file, then defaults.

Every option of a command has one name in each place, and the command is part of
it, so one environment can hold a gateway's settings and a worker's without one
changing the other. For the gateway's ``--fragment-timeout``:

- the flag ``duckflight gateway --fragment-timeout 30``;
- the environment variable ``DUCKFLIGHT_GATEWAY_FRAGMENT_TIMEOUT=30``;
- the key ``fragment_timeout = 30`` in the ``[gateway]`` table of the TOML config
  file (``--config FILE`` or ``DUCKFLIGHT_CONFIG``), e.g.::

    [gateway]
    port = 5433
    worker = ["10.0.0.5:8815", "10.0.0.6:8815"]
    data = "/srv/tables"

    [worker]
    port = 8815

A config file that does not exist or does not parse, a table or key that no
command has, and a value of the wrong type are each a ``StartupError`` whose
message is one line naming the file, key, variable or flag.
"""

from __future__ import annotations

import argparse
import difflib
import os
import tomllib
from dataclasses import dataclass
from typing import Any, Callable

from duckflight.gateway.startup import StartupError

CONFIG_ENV = "DUCKFLIGHT_CONFIG"


@dataclass
class Option:
    """One configurable setting of a command."""

    name: str  # flag name without dashes, e.g. "fragment-timeout"
    help: str
    default: Any = None
    type: Callable[[Any], Any] = None  # turns a flag, env or TOML value into the setting; ValueError if it can't
    many: bool = False  # may be given several times (a list)
    required: bool = False

    def __post_init__(self):
        self.type = self.type or text

    @property
    def dest(self) -> str:
        return self.name.replace("-", "_")

    def env(self, command: str) -> str:
        return f"DUCKFLIGHT_{command.upper()}_{self.dest.upper()}"


# -- value types: each takes a str (flag, env) or a TOML value, and raises ValueError ----

def text(value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


def integer(value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"expected an integer, got {value!r}")
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"expected an integer, got {value!r}") from None


def number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"expected a number, got {value!r}")
    try:
        result = float(value)
    except ValueError:
        raise ValueError(f"expected a number, got {value!r}") from None
    if not 0 < result < float("inf"):
        raise ValueError(f"expected a number above 0, got {value!r}")
    return result


def positive(value) -> int:
    result = integer(value)
    if result < 1:
        raise ValueError(f"expected 1 or more, got {value!r}")
    return result


def port(value) -> int:
    result = integer(value)
    if not 0 <= result <= 65535:
        raise ValueError(f"expected a port number from 0 to 65535, got {value!r}")
    return result


def address(value) -> str:
    """HOST:PORT, e.g. ``node1:8815`` or ``[::1]:8815``."""
    host, _, number_ = text(value).rpartition(":")
    if not host or not number_.isdigit() or not 0 < int(number_) <= 65535:
        raise ValueError(f"expected HOST:PORT, got {value!r}")
    return value


SIZE_UNITS = {"": 1, "B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30, "TB": 1 << 40,
              "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30, "TIB": 1 << 40}


def parse_size(value) -> int:
    """Bytes from ``67108864``, ``"64MB"`` or ``"1.5 GB"`` (units are powers of 1024, as in DuckDB)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return int(value)
    text_ = str(value).strip().upper()
    number_ = text_.rstrip("KMGTIB ")
    unit = text_[len(number_):].strip()
    try:
        size = float(number_)
    except ValueError:
        size = -1.0
    if isinstance(value, bool) or unit not in SIZE_UNITS or not size >= 0:
        raise ValueError(f"expected a size such as 64MB, got {value!r}")
    return int(size * SIZE_UNITS[unit])


def memory_size(value) -> int | str:
    """Bytes from a size (``4GB``), or a share of the machine's memory kept as written (``"40%"``)."""
    text_ = str(value).strip()
    if not isinstance(value, bool) and text_.endswith("%"):
        try:
            share = float(text_[:-1])
        except ValueError:
            share = -1.0
        if not 0 < share <= 100:
            raise ValueError(f"expected a size such as 4GB or a share of memory such as 40%, got {value!r}")
        return text_
    try:
        return parse_size(value)
    except ValueError:
        raise ValueError(f"expected a size such as 4GB or a share of memory such as 40%, got {value!r}") from None


def time_setting(value) -> str:
    """A PostgreSQL time setting as SHOW writes it (``1500ms``, ``5min``), e.g. statement_timeout."""
    from duckflight.gateway.core.sql_error import SqlError
    from duckflight.gateway.timeouts import milliseconds, shown

    try:
        return shown(milliseconds(str(value)))
    except SqlError:
        raise ValueError(f"expected a time such as 30s, 5min or 0, got {value!r}") from None


# -- flags --------------------------------------------------------------------------

class Parser(argparse.ArgumentParser):
    """argparse whose errors are one line (``duckflight up: argument --port: …``), exit 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def add_options(parser: argparse.ArgumentParser, options: list[Option], command: str) -> None:
    """Flags for these options; defaults stay None so later layers can fill them."""
    parser.add_argument("--config", metavar="FILE", help=f"TOML config file; its [{command}] table is read "
                        f"(env {CONFIG_ENV})")
    for option in options:
        if option.required:
            default = " (required)"
        elif option.default in (None, []):
            default = ""
        else:
            default = f" (default: {option.default})"
        parser.add_argument(
            f"--{option.name}", dest=option.dest, type=_flag_type(option), default=None,
            action="append" if option.many else "store",
            help=f"{option.help}{default}; env {option.env(command)}".replace("%", "%%"),  # argparse formats %
        )


def _flag_type(option: Option) -> Callable[[str], Any]:
    def convert(value: str):
        try:
            return option.type(value)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return convert


# -- resolution ---------------------------------------------------------------------

def resolve(args: argparse.Namespace, commands: dict[str, list[Option]], command: str) -> argparse.Namespace:
    """Fill every option of ``command`` left unset on the command line from env, file, default.

    ``commands`` are all commands' options: a config file may hold every command's
    table, and each of them is checked. Raises StartupError.
    """
    path = args.config or os.environ.get(CONFIG_ENV)
    table = load_config(path, commands).get(command, {}) if path else {}
    for option in commands[command]:
        if getattr(args, option.dest) is not None:
            continue
        value = _from_env(option, command)
        if value is None and option.dest in table:
            value = table[option.dest]
        if value is None and option.default not in (None, []):
            value = option.type(option.default)  # "16GB" is a default as it would be a flag
        if value is None:
            value = option.default
        if option.required and value in (None, []):
            raise StartupError(f"--{option.name} is required (or {option.env(command)}, or {option.dest} "
                              f"in the [{command}] table of the config file)")
        setattr(args, option.dest, value)
    return args


def _from_env(option: Option, command: str) -> Any:
    name = option.env(command)
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return None
    try:
        if option.many:
            return [option.type(part.strip()) for part in raw.split(",") if part.strip()]
        return option.type(raw)
    except ValueError as error:
        raise StartupError(f"environment variable {name}: {error}") from None


def load_config(path: str, commands: dict[str, list[Option]]) -> dict[str, dict[str, Any]]:
    """Every table of the TOML file at ``path``, each value converted by its option's type."""
    try:
        with open(path, "rb") as handle:
            raw = tomllib.load(handle)
    except FileNotFoundError:
        raise StartupError(f"config file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise StartupError(f"config file {path} cannot be read: {getattr(error, 'strerror', None) or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise StartupError(f"config file {path} is not valid TOML: {error}") from None
    tables = {}
    for section, table in raw.items():
        if section not in commands and not isinstance(table, dict):  # a key before any [table]
            raise StartupError(f"config file {path}: key {section} is outside any table; put it under "
                               f"{_tables_with(section, commands)}")
        if section not in commands:
            raise StartupError(f"config file {path}: unknown table [{section}]{_did_you_mean(section, commands)}"
                              f" (tables: {', '.join(f'[{c}]' for c in commands)})")
        if not isinstance(table, dict):
            raise StartupError(f"config file {path}: {section} must be a table ([{section}])")
        options = {o.dest: o for o in commands[section]}
        tables[section] = {key: _from_file(path, section, options, key, value) for key, value in table.items()}
    return tables


def _tables_with(key: str, commands: dict[str, list[Option]]) -> str:
    """The tables where ``key`` is an option, e.g. "[worker] or [gateway]"."""
    found = [f"[{c}]" for c, options in commands.items() if key.replace("-", "_") in {o.dest for o in options}]
    return " or ".join(found) or "the table of its command"


def _from_file(path: str, section: str, options: dict[str, Option], key: str, value: Any) -> Any:
    option = options.get(key)
    if option is None:
        raise StartupError(f"config file {path}: unknown key {key} in [{section}]{_did_you_mean(key, options)}")
    try:
        if option.many:
            return [option.type(item) for item in (value if isinstance(value, list) else [value])]
        return option.type(value)
    except ValueError as error:
        raise StartupError(f"config file {path}: [{section}] {key}: {error}") from None


def _did_you_mean(word: str, known) -> str:
    close = difflib.get_close_matches(word.replace("-", "_"), list(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""
