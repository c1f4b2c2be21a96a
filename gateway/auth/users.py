"""The users file: each user's role and password verifiers, as PostgreSQL keeps them in pg_authid.

One JSON object a line, after a comment header; a person can read and diff it::

    # duckflight users: one JSON object a line; written by `duckflight user add|remove`
    {"user": "alice", "role": "admin", "scram-sha-256": "SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>"}
    {"user": "bob", "role": "reader", "scram-sha-256": "SCRAM-SHA-256$4096:...", "md5": "md5<32 hex>"}

``scram-sha-256`` is PostgreSQL's verifier format (pg_authid.rolpassword, RFC 5803): iteration
count, salt, StoredKey and ServerKey, base64. ``md5`` is only there for users added with
``--md5``: PostgreSQL's ``"md5" || md5(password || user)``. Passwords are never stored. The file
is replaced atomically (write, fsync, rename) with mode 0600.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from scramp import ScramMechanism

log = logging.getLogger(__name__)

ROLES = ("reader", "admin")
ITERATIONS = 4096  # PostgreSQL's scram_iterations
SALT_BYTES = 16  # PostgreSQL's SCRAM_DEFAULT_SALT_LEN; the mock verifier of unknown users has as many
HEADER = "# duckflight users: one JSON object a line; written by `duckflight user add|remove`\n"
_SCRAM = ScramMechanism("SCRAM-SHA-256")


class UsersFileError(ValueError):
    """The users file cannot be read or holds something else than users."""


@dataclass(frozen=True)
class Verifier:
    """A SCRAM-SHA-256 verifier: what the server needs to check a proof, not the password."""

    iterations: int
    salt: bytes
    stored_key: bytes
    server_key: bytes

    @classmethod
    def make(cls, password: str, salt: Optional[bytes] = None) -> "Verifier":
        salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
        salt, stored, server, iterations = _SCRAM.make_auth_info(password, ITERATIONS, salt)
        return cls(iterations, salt, stored, server)

    @classmethod
    def parse(cls, text: str) -> "Verifier":
        """``SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`` (PostgreSQL's parse_scram_secret)."""
        try:
            scheme, counted, keys = text.split("$")
            iterations, salt = counted.split(":")
            stored, server = keys.split(":")
            if scheme != "SCRAM-SHA-256":
                raise ValueError(scheme)
            return cls(int(iterations), base64.b64decode(salt, validate=True),
                       base64.b64decode(stored, validate=True), base64.b64decode(server, validate=True))
        except ValueError:
            raise UsersFileError("not a SCRAM-SHA-256 verifier") from None

    def __str__(self) -> str:
        b64 = lambda data: base64.b64encode(data).decode("ascii")  # noqa: E731
        return f"SCRAM-SHA-256${self.iterations}:{b64(self.salt)}${b64(self.stored_key)}:{b64(self.server_key)}"

    def matches(self, password: str) -> bool:
        """Whether a cleartext password is the one this verifier was made from."""
        return hmac.compare_digest(Verifier.make(password, self.salt).stored_key, self.stored_key)


def md5_hash(user: str, password: str) -> str:
    """PostgreSQL's stored md5 password: ``md5`` and the hex md5 of password || user name."""
    return "md5" + hashlib.md5((password + user).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class User:
    name: str
    role: str
    scram: Verifier
    md5: Optional[str] = None

    @classmethod
    def make(cls, name: str, role: str, password: str, md5: bool = False) -> "User":
        if role not in ROLES:
            raise UsersFileError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
        if not name:
            raise UsersFileError("a user name cannot be empty")
        return cls(name, role, Verifier.make(password), md5_hash(name, password) if md5 else None)

    def line(self) -> str:
        record = {"user": self.name, "role": self.role, "scram-sha-256": str(self.scram)}
        if self.md5:
            record["md5"] = self.md5
        return json.dumps(record, ensure_ascii=False)


def read_users(path: Path) -> dict[str, User]:
    """The users of the file by name; UsersFileError naming the line that is wrong."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsersFileError(f"users file {path} does not exist (create it with `duckflight user add`)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsersFileError(f"users file {path} cannot be read: {getattr(error, 'strerror', None) or error}") from None
    users = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                user = _user(json.loads(line))
            except (ValueError, TypeError, KeyError) as error:
                raise UsersFileError(f"users file {path}, line {number}: {error}") from None
            users[user.name] = user
    return users


def _user(record: dict) -> User:
    role = record["role"]
    if role not in ROLES:
        raise UsersFileError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    md5 = record.get("md5")
    if md5 is not None and (not isinstance(md5, str) or not md5.startswith("md5") or len(md5) != 35):
        raise UsersFileError("md5 must be 'md5' and 32 hex digits")
    return User(str(record["user"]), role, Verifier.parse(record["scram-sha-256"]), md5)


def write_users(path: Path, users: dict[str, User]) -> None:
    """Replace the file atomically with these users, mode 0600 (the password file of a server)."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(HEADER)
            for user in sorted(users.values(), key=lambda u: u.name):
                out.write(user.line() + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class UserStore:
    """The users file as the gateway reads it: read again when it changes, so `duckflight user
    add` takes effect for the next connection, as a role created in PostgreSQL does."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._users = read_users(self.path)  # a bad file is a start-up error
        self._seen = self._stamp()

    def _stamp(self) -> Optional[tuple[int, int]]:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def users(self) -> dict[str, User]:
        """The users as the file has them now; a file broken since start keeps the last good ones."""
        stamp = self._stamp()
        if stamp != self._seen:
            self._seen = stamp
            try:
                self._users = read_users(self.path)
                log.info("users file %s read again: %d user(s)", self.path, len(self._users))
            except UsersFileError as error:
                log.error("%s; keeping the users read before", error)
        return self._users

    def get(self, name: str) -> Optional[User]:
        return self.users().get(name)
