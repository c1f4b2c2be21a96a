"""What must hold before a duckflight process starts serving, checked up front.

A port already in use, a data folder that is missing, a private key or secret file that
others may read: each is a ``StartupError``
whose message is one line for the user (``cli.main`` prints it and exits 1), found
before anything starts, so nothing claims to be up when it is not.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path


class StartupError(Exception):
    """duckflight cannot start as configured; the message is one line for the user."""


def require_free_port(host: str, port: int, what: str) -> None:
    """Raise StartupError unless ``what`` (e.g. "the gateway's --port") can listen on host:port.

    Binds with SO_REUSEADDR, as the servers do, so a port held only by connections
    closing (TIME_WAIT) counts as free and one with a listener does not. Port 0
    (any free port) always passes.
    """
    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise StartupError(f"{what}: cannot listen on {host}:{port}: unknown host ({error.strerror})") from None
    family, kind, proto, _, sockaddr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(sockaddr)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise StartupError(f"{what}: port {port} on {host} is already in use") from None
            raise StartupError(f"{what}: cannot listen on {host}:{port}: {error.strerror}") from None


def require_data_folder(data: str, flag: str = "--data") -> Path:
    """The data folder as an absolute path; StartupError if it is not a readable folder."""
    path = Path(data).expanduser()
    if not path.exists():
        raise StartupError(f"{flag} {data}: no such folder")
    if not path.is_dir():
        raise StartupError(f"{flag} {data}: not a folder (give the folder that holds the table folders and files)")
    try:
        next(path.iterdir(), None)
    except OSError as error:
        raise StartupError(f"{flag} {data}: cannot be read: {error.strerror}") from None
    return path.resolve()


def require_private_file(path: str, flag: str) -> None:
    """StartupError unless the file at ``path`` (a TLS key, a cluster secret) is private, by
    PostgreSQL's rule for its ssl_key_file (be-secure-openssl.c, be_tls_init): owned by the
    user this process runs as, with no group or world access (0600 or less), or owned by
    root with at most group read (0640 or less)."""
    try:
        info = os.stat(Path(path).expanduser())
    except OSError as error:
        raise StartupError(f"{flag} {path}: cannot be read: {error.strerror}") from None
    problem = private_file_problem(info.st_mode, info.st_uid, os.geteuid())
    if problem:
        raise StartupError(f"{flag} {path}: {problem}")


def private_file_problem(mode: int, owner: int, euid: int) -> str | None:
    """What PostgreSQL would say of a key file of this mode and owner uid, read by ``euid`` (None: fine)."""
    if owner != euid and owner != 0:
        return f"must be owned by the user duckflight runs as (uid {euid}) or by root, not uid {owner}"
    if (owner == euid and mode & (stat.S_IRWXG | stat.S_IRWXO)) or \
            (owner == 0 and mode & (stat.S_IWGRP | stat.S_IXGRP | stat.S_IRWXO)):
        return (f"has group or world access (mode {stat.S_IMODE(mode):04o}); it must be u=rw (0600) or less if "
                "owned by the user duckflight runs as, or u=rw,g=r (0640) or less if owned by root")
    return None
