"""Configuration: flags, then environment, then one config file, then defaults.

Every option has one name used everywhere: the flag ``--fragment-timeout``, the
environment variable ``DUCKFLIGHT_FRAGMENT_TIMEOUT`` and the key
``fragment_timeout`` in the command's table of the TOML config file
(``--config FILE`` or ``DUCKFLIGHT_CONFIG``), e.g.::

    [gateway]
    port = 5433
    worker = ["10.0.0.5:8815", "10.0.0.6:8815"]
    data = "/srv/tables"
"""

from __future__ import annotations

import argparse
import os
import tomllib
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Option:
    """One configurable setting of a command."""

    name: str  # flag name without dashes, e.g. "fragment-timeout"
    help: str
    default: Any = None
    type: Callable[[str], Any] = str
    many: bool = False  # may be given several times (a list)
    required: bool = False

    @property
    def dest(self) -> str:
        return self.name.replace("-", "_")

    @property
    def env(self) -> str:
        return "DUCKFLIGHT_" + self.dest.upper()


def add_options(parser: argparse.ArgumentParser, options: list[Option]) -> None:
    """Flags for these options; defaults stay None so later layers can fill them."""
    parser.add_argument("--config", help="TOML config file (env DUCKFLIGHT_CONFIG)")
    for option in options:
        default = f" (default {option.default})" if option.default not in (None, []) else ""
        parser.add_argument(
            f"--{option.name}", dest=option.dest, type=option.type, default=None,
            action="append" if option.many else "store",
            help=f"{option.help}{default}; env {option.env}",
        )


def resolve(args: argparse.Namespace, options: list[Option], section: str) -> argparse.Namespace:
    """Fill every option left unset on the command line from env, file, default."""
    path = args.config or os.environ.get("DUCKFLIGHT_CONFIG")
    table = _load(path).get(section, {}) if path else {}
    for option in options:
        if getattr(args, option.dest) is not None:
            continue
        value = _from_env(option)
        if value is None and option.dest in table:
            value = table[option.dest]
            value = list(value) if option.many and isinstance(value, list) else value
        if value is None:
            value = option.default
        if option.required and value in (None, []):
            raise SystemExit(f"duckflight {section}: --{option.name} is required (or {option.env})")
        setattr(args, option.dest, value)
    return args


def _from_env(option: Option) -> Any:
    raw = os.environ.get(option.env)
    if raw is None or raw == "":
        return None
    if option.many:
        return [option.type(part.strip()) for part in raw.split(",") if part.strip()]
    return option.type(raw)


def _load(path: str) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


SIZE_UNITS = {"": 1, "B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30, "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30}


def parse_size(value) -> int:
    """Bytes from ``67108864``, ``"64MB"`` or ``"1.5 GB"`` (units are powers of 1024, as in DuckDB)."""
    if isinstance(value, (int, float)):
        return int(value)
    text = str(value).strip().upper()
    number = text.rstrip("KMGIB ")
    unit = text[len(number):].strip()
    if not number or unit not in SIZE_UNITS:
        raise ValueError(f"not a size: {value!r} (e.g. 64MB)")
    return int(float(number) * SIZE_UNITS[unit])
