"""Who may connect from where, and with which method: the rules of PostgreSQL's pg_hba.conf.

A rules file (``--hba FILE``) has one rule a line, ``#`` starts a comment::

    # TYPE     DATABASE  USER         ADDRESS        METHOD
    hostssl    all       all          0.0.0.0/0      scram-sha-256
    host       all       +admin       10.0.0.0/8     md5
    host       all       all          127.0.0.1/32   trust

- TYPE: ``host`` (any TCP connection), ``hostssl`` (TLS only), ``hostnossl`` (plain only);
- DATABASE: ``all`` or names separated by commas;
- USER: ``all``, names, or ``+reader``/``+admin`` for the users of that role (PostgreSQL's
  ``+group``), separated by commas;
- ADDRESS: ``all``, an address, or a CIDR block (IPv4 or IPv6);
- METHOD: ``scram-sha-256``, ``md5``, ``password`` (cleartext; refused on a plain connection),
  ``trust`` or ``reject``.

PostgreSQL's other names are refused with the line's number rather than read as literal
names (which would silently match nothing): ``sameuser``, ``samerole``/``samegroup`` and
``replication`` in DATABASE, ``@file`` (names read from a file) and quoted names in either.

As in PostgreSQL (hba.c check_hba) the first rule whose type, database, user and address match
decides; when none does the connection is refused (see ``exchange.py``).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

TYPES = ("host", "hostssl", "hostnossl")
METHODS = ("scram-sha-256", "md5", "password", "trust", "reject")
# Keywords of PostgreSQL's DATABASE column (hba.c check_db) that duckflight does not implement.
DATABASE_KEYWORDS = {
    "sameuser": "the database named like the user",
    "samerole": "the databases named like a role of the user",
    "samegroup": "the databases named like a role of the user",
    "replication": "replication connections, which duckflight does not take",
}
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


class HbaError(ValueError):
    """A rule that does not parse."""


@dataclass(frozen=True)
class Rule:
    type: str
    databases: tuple[str, ...]  # ("all",) or names
    users: tuple[str, ...]  # ("all",), names, or "+role"
    networks: tuple  # () for all, else ip networks
    method: str
    line: int = 0

    def matches(self, ssl: bool, database: str, user: str, role: Optional[str], address: str) -> bool:
        if (self.type == "hostssl" and not ssl) or (self.type == "hostnossl" and ssl):
            return False
        if "all" not in self.databases and database not in self.databases:
            return False
        if "all" not in self.users and user not in self.users and f"+{role}" not in self.users:
            return False
        return not self.networks or _in(address, self.networks)


def _in(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if getattr(ip, "ipv4_mapped", None) is not None:  # ::ffff:10.0.0.1 on a dual-stack socket
        ip = ip.ipv4_mapped
    return any(ip.version == net.version and ip in net for net in networks)


def parse_rule(text: str, line: int = 0) -> Rule:
    """One rule line (without its comment); HbaError saying what is wrong."""
    fields = text.split()
    if len(fields) != 5:
        raise HbaError(f"expected TYPE DATABASE USER ADDRESS METHOD, got {len(fields)} field(s)")
    kind, databases, users, address, method = fields
    if kind not in TYPES:
        raise HbaError(f"invalid connection type {kind!r} (one of {', '.join(TYPES)})")
    if method not in METHODS:
        raise HbaError(f"invalid authentication method {method!r} (one of {', '.join(METHODS)})")
    _refuse_unsupported(databases.split(","), "database")
    _refuse_unsupported(users.split(","), "user")
    for name in databases.split(","):
        if name in DATABASE_KEYWORDS:
            raise HbaError(f"database keyword {name!r} ({DATABASE_KEYWORDS[name]}) is not supported; "
                           "name the databases, or all")
    for name in users.split(","):
        if name.startswith("+") and name[1:] not in ("reader", "admin"):
            raise HbaError(f"unknown role {name!r} (+reader or +admin)")
    return Rule(kind, tuple(databases.split(",")), tuple(users.split(",")), _networks(address), method, line)


def _refuse_unsupported(names: list[str], column: str) -> None:
    """HbaError for PostgreSQL's ``@file`` inclusions and quoted names in a DATABASE or USER field."""
    for name in names:
        if name.startswith("@"):
            raise HbaError(f"{column} {name!r}: @file (names read from a file) is not supported; "
                           "list the names in the rule")
        if '"' in name:
            raise HbaError(f"{column} {name!r}: quoted names are not supported; write the name without quotes")


def _networks(address: str) -> tuple:
    if address == "all":
        return ()
    try:
        return (ipaddress.ip_network(address, strict=True),)
    except ValueError as error:
        raise HbaError(f"invalid IP address or CIDR block {address!r}: {error}") from None


def read_rules(path: Path) -> list[Rule]:
    """The rules of a file, in order; HbaError naming the file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise HbaError(f"hba file {path} cannot be read: {error.strerror or error}") from None
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            try:
                rules.append(parse_rule(line, number))
            except HbaError as error:
                raise HbaError(f"hba file {path}, line {number}: {error}") from None
    return rules


def default_rules(with_users: bool) -> list[Rule]:
    """Without --hba: SCRAM for everyone from anywhere when there is a users file; otherwise
    trust from loopback only, and nothing else (docs/decisions.md)."""
    if with_users:
        return [Rule("host", ("all",), ("all",), (), "scram-sha-256")]
    return [Rule("host", ("all",), ("all",), (net,), "trust") for net in LOOPBACK]


def first_match(rules: list[Rule], ssl: bool, database: str, user: str, role: Optional[str],
                address: str) -> Optional[Rule]:
    return next((r for r in rules if r.matches(ssl, database, user, role, address)), None)
