"""The gateway's authentication policy: its users, its rules, and its TLS certificate.

``Policy.start`` is PostgreSQL's ClientAuthentication: find the first rule for the
connection (hba.py), refuse when none matches or it says ``reject``, else hand back the
password exchange its method asks for (exchange.py). ``load_policy`` builds it, and the TLS
context, from the ``--users``, ``--hba``, ``--tls-cert`` and ``--tls-key`` settings; every
problem there is one ``StartupError`` line before the gateway listens.
"""

from __future__ import annotations

import logging
import secrets
import ssl
from pathlib import Path
from typing import Optional

from duckflight.gateway.auth.exchange import Cleartext, Exchange, Md5, Scram, Trusted, fatal
from duckflight.gateway.auth.hba import HbaError, Rule, default_rules, first_match, read_rules
from duckflight.gateway.auth.users import UsersFileError, UserStore
from duckflight.gateway.startup import StartupError, require_private_file

log = logging.getLogger(__name__)

PASSWORD_METHODS = ("scram-sha-256", "md5", "password")


class Policy:
    """Who may connect, from where, and how they authenticate."""

    def __init__(self, users: Optional[UserStore], rules: list[Rule], certificate: Optional[str] = None):
        """``certificate``: the TLS certificate (PEM) of the port, for SCRAM's channel binding."""
        self.users = users
        self.rules = rules
        self.certificate = certificate
        self.mock_secret = secrets.token_bytes(32)  # PostgreSQL's mock_auth_nonce

    def start(self, user: str, database: str, address: str, ssl_in_use: bool) -> Exchange:
        """The exchange for this connection; a FATAL SqlError (28000) when no rule admits it."""
        record = self.users.get(user) if self.users is not None else None
        rule = first_match(self.rules, ssl_in_use, database, user, record.role if record else None, address)
        encryption = "SSL encryption" if ssl_in_use else "no encryption"
        where = f'host "{address}", user "{user}", database "{database}", {encryption}'
        if rule is None:
            log.warning("connection refused: no hba rule for %s", where)
            raise fatal("28000", f"no pg_hba.conf entry for {where}")
        if rule.method == "reject" or (rule.method == "password" and not ssl_in_use):
            log.warning("connection refused by hba rule %s (%s) for %s", rule.line or "(default)", rule.method, where)
            hint = ("The password method sends the password in clear text: connect with TLS (sslmode=require)."
                    if rule.method == "password" else None)
            raise fatal("28000", f"pg_hba.conf rejects connection for {where}", hint=hint)
        if rule.method == "trust":
            if self.users is not None and record is None:  # with a users file, its users are the roles
                log.warning("connection refused: role %r does not exist (trust, %s)", user, where)
                raise fatal("28000", f'role "{user}" does not exist')
            return Trusted(user, address, "trust", record)
        if rule.method == "password":
            return Cleartext(user, address, "password", record)
        if rule.method == "md5" and record is not None and record.md5:
            return Md5(user, address, "md5", record)
        # md5 for a user with only a SCRAM verifier (or none) runs SCRAM, as PostgreSQL does.
        return Scram(user, address, rule.method, record, self.mock_secret,
                     self.certificate if ssl_in_use else None)


def _needs_users(rules: list[Rule], store: Optional[UserStore], hba: Optional[str]) -> Optional[str]:
    """Why ``rules`` cannot work without a users file (None: they can)."""
    needs = [r for r in rules if r.method in PASSWORD_METHODS]
    if needs and store is None:
        return (f"hba file {hba}, line {needs[0].line}: method {needs[0].method} needs --users FILE "
                "(create it with `duckflight user add`)")
    return None


def reload_rules(policy: Policy, hba: Optional[str]) -> None:
    """Read the hba file again (on SIGHUP, as PostgreSQL reloads pg_hba.conf): new connections
    follow it; a file that does not read leaves the old rules in force, with one log line."""
    if not hba:
        log.info("SIGHUP: no --hba file to reload")
        return
    try:
        rules = read_rules(Path(hba))
    except HbaError as error:
        log.error("SIGHUP: hba file %s not reloaded, the old rules stay: %s", hba, error)
        return
    if (problem := _needs_users(rules, policy.users, hba)) is not None:
        log.error("SIGHUP: hba file %s not reloaded, the old rules stay: %s", hba, problem)
        return
    policy.rules = rules
    log.info("SIGHUP: hba file %s reloaded, %d rule(s)", hba, len(rules))


def load_policy(users: Optional[str], hba: Optional[str], tls_cert: Optional[str] = None) -> Policy:
    """The policy of these settings (file paths or None); StartupError. ``tls_cert``: the
    certificate of the port, which SCRAM-SHA-256-PLUS binds to (tls_context checks it loads)."""
    try:
        store = UserStore(Path(users)) if users else None
        rules = read_rules(Path(hba)) if hba else default_rules(store is not None)
    except (UsersFileError, HbaError) as error:
        raise StartupError(str(error)) from None
    if (problem := _needs_users(rules, store, hba)) is not None:
        raise StartupError(problem)
    for rule in rules:
        if rule.method == "password" and rule.type != "hostssl":
            log.warning("hba file %s, line %d: method password is refused on connections without TLS; "
                        "use hostssl", hba, rule.line)
    try:
        certificate = Path(tls_cert).read_text(encoding="ascii") if tls_cert else None
    except (OSError, UnicodeDecodeError) as error:
        raise StartupError(f"TLS certificate {tls_cert} cannot be read: {getattr(error, 'strerror', None) or error}") from None
    return Policy(store, rules, certificate)


def tls_context(cert: Optional[str], key: Optional[str]) -> Optional[ssl.SSLContext]:
    """The server's TLS context (TLS 1.2 or newer, as PostgreSQL's ssl_min_protocol_version), or
    None without a certificate; StartupError for one without the other, files that do not load,
    or a key file others may read (``require_private_file``, PostgreSQL's rule)."""
    if not cert and not key:
        return None
    if not cert or not key:
        raise StartupError("--tls-cert and --tls-key go together: give both or neither")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except FileNotFoundError as error:
        raise StartupError(f"TLS file {error.filename or cert} does not exist") from None
    except (ssl.SSLError, OSError) as error:
        raise StartupError(f"cannot load TLS certificate {cert} with key {key}: {error}") from None
    require_private_file(key, "--tls-key")
    return context
