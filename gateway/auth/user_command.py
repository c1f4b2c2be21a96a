"""``duckflight user add|remove|list``: manage the users file of the gateway.

The counterpart of PostgreSQL's CREATE/ALTER/DROP ROLE ... PASSWORD for a gateway whose users
live in a file (users.py). ``add`` creates a user or replaces its role and password (so a
deployment step may run it on every start); without ``--password`` it asks twice on the
terminal, as ``createuser --pwprompt`` does, or, when standard input is not a terminal, takes
the first line of standard input (so a script need not put the password on a command line,
which ``ps`` shows). ``list`` prints names and roles, never verifiers.
The file is named by ``--users FILE`` or, as for the gateway, ``DUCKFLIGHT_GATEWAY_USERS``.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from duckflight.gateway.auth.users import ROLES, User, UsersFileError, read_users, write_users

USERS_ENV = "DUCKFLIGHT_GATEWAY_USERS"
USAGE = 2  # the exit code of a command used wrongly, as argparse's


def add_user_command(commands) -> None:
    """The ``user`` subcommand and its actions, on the subparsers of the ``duckflight`` parser."""
    user = commands.add_parser("user", help="manage the gateway's users file",
                               description="manage the gateway's users file (SCRAM-SHA-256 verifiers, never passwords)")
    actions = user.add_subparsers(dest="action", required=True, parser_class=type(user))
    add = actions.add_parser("add", help="add a user, or change its role and password",
                             description="add a user, or change its role and password. Without --password it "
                             "asks twice on the terminal or, when standard input is not a terminal, reads the "
                             "password from the first line of standard input (printf '%s\\n' \"$PW\" | "
                             "duckflight user add NAME --users FILE): a command line is visible to every user "
                             "of the machine (ps)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default="reader", help="reader or admin (default: reader)")
    add.add_argument("--password", help="the password (default: asked twice on the terminal, or the first line "
                     "of standard input when it is not a terminal)")
    add.add_argument("--md5", action="store_true",
                     help="also store an md5 hash, for clients of hba rules with method md5")
    remove = actions.add_parser("remove", help="remove a user")
    remove.add_argument("name")
    listing = actions.add_parser("list", help="list users and roles")
    for parser in (add, remove, listing):
        parser.add_argument("--users", metavar="FILE", help=f"the users file (env {USERS_ENV})")


def run_user(args) -> int:
    path = args.users or os.environ.get(USERS_ENV)
    if not path:
        return _error(args, f"--users FILE is required (or {USERS_ENV})")
    path = Path(path)
    try:
        users = read_users(path) if args.action != "add" or path.exists() else {}
        if args.action == "list":
            for user in sorted(users.values(), key=lambda u: u.name):
                print(f"{user.name}\t{user.role}" + ("\tmd5" if user.md5 else ""))
            return 0
        if args.action == "remove":
            if users.pop(args.name, None) is None:
                return _error(args, f'user "{args.name}" is not in {path}')
        else:
            password = args.password if args.password is not None else _read_password(args.name)
            if not password:
                return _error(args, "the password cannot be empty" if args.password is not None or sys.stdin.isatty()
                              else "no password on the first line of standard input (or give --password)", USAGE)
            users[args.name] = User.make(args.name, args.role, password, md5=args.md5)
        write_users(path, users)
    except (UsersFileError, OSError) as error:
        return _error(args, getattr(error, "strerror", None) and f"{path}: {error.strerror}" or str(error))
    return 0


def _read_password(name: str) -> str:
    """Asked twice on a terminal; otherwise the first line of standard input, without its line end
    ("" when there is none)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    try:
        first = getpass.getpass(f"Password for user {name}: ")
        if getpass.getpass("Enter it again: ") != first:
            raise UsersFileError("the passwords do not match")
    except EOFError:  # Ctrl-D at the prompt
        return ""
    return first


def _error(args, message: str, code: int = 1) -> int:
    print(f"duckflight user {args.action}: {message}", file=sys.stderr)
    return code
