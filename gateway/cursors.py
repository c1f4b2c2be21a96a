"""SQL cursors: DECLARE, FETCH, MOVE and CLOSE, over a query's stream of record batches.

A cursor keeps its query's ``Outcome`` open: FETCH takes the next rows off the batch
stream (slicing a batch when the count ends inside it) and never reads ahead, so a
client such as psycopg's named cursor walks a large result a few thousand rows at a
time. Cursors only go forward (NO SCROLL, PostgreSQL's default for most queries);
without WITH HOLD they end with their transaction, as in PostgreSQL.

    >>> parse_declare('DECLARE "c" BINARY NO SCROLL CURSOR WITH HOLD FOR select 1')
    Declare(name='c', query='select 1', binary=True, hold=True)
    >>> parse_fetch("fetch forward 5 from c"), parse_fetch("FETCH ALL IN c"), parse_fetch("move next c")
    (('c', 5), ('c', None), ('c', 1))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

import pyarrow as pa

from duckflight.gateway.pgwire.backend import SqlError

_NAME = r'(?P<name>"(?:[^"]|"")+"|[A-Za-z_][\w$]*)'
_DECLARE = re.compile(
    r"^declare\s+" + _NAME + r"\s+(?P<opts>(?:(?:binary|insensitive|asensitive|no\s+scroll|scroll)\s+)*)"
    r"cursor\s+(?:(?P<hold>with|without)\s+hold\s+)?for\s+(?P<query>.+)$", re.I | re.S)
_FETCH = re.compile(r"^(?:fetch|move)\s+(?:(?P<dir>.*?)\s+)?(?:(?:from|in)\s+)?" + _NAME + r"$", re.I | re.S)
_CLOSE = re.compile(r"^close\s+(?:all|" + _NAME + r")$", re.I | re.S)


@dataclass
class Declare:
    name: str
    query: str
    binary: bool
    hold: bool


def _ident(text: str) -> str:
    return text[1:-1].replace('""', '"') if text.startswith('"') else text.lower()


def parse_declare(sql: str) -> Declare:
    m = _DECLARE.match(sql.strip())
    if not m:
        raise SqlError("42601", "syntax error in DECLARE")
    opts = m.group("opts").lower().split()
    if "scroll" in opts and "no" not in opts:
        raise SqlError("0A000", "scrollable cursors are not supported: duckflight cursors only go forward")
    return Declare(_ident(m.group("name")), m.group("query"), "binary" in opts,
                   (m.group("hold") or "").lower() == "with")


def parse_fetch(sql: str) -> tuple[str, Optional[int]]:
    """(cursor name, how many rows forward; None for ALL) of a FETCH or MOVE."""
    m = _FETCH.match(sql.strip())
    if not m:
        raise SqlError("42601", "syntax error in FETCH")
    words = (m.group("dir") or "next").lower().split()
    if words[-1] in ("from", "in"):  # "FETCH FROM c": the lazy match took the keyword
        words = words[:-1] or ["next"]
    if words[0] == "forward":
        words = words[1:] or ["1"]
    if words == ["next"]:
        return _ident(m.group("name")), 1
    if words == ["all"]:
        return _ident(m.group("name")), None
    if len(words) == 1 and re.fullmatch(r"\+?\d+", words[0]) and int(words[0]) > 0:
        return _ident(m.group("name")), int(words[0])
    if words[0] in ("prior", "backward", "first", "last", "absolute", "relative") or words[0].startswith("-"):
        raise SqlError("55000", "cursor can only scan forward",
                       hint="Declare it with SCROLL option to enable backward scan.")
    raise SqlError("0A000", f"FETCH {' '.join(words).upper()} is not supported: only forward fetches are")


def parse_close(sql: str) -> Optional[str]:
    """The cursor name of CLOSE name, or None for CLOSE ALL."""
    m = _CLOSE.match(sql.strip())
    if not m:
        raise SqlError("42601", "syntax error in CLOSE")
    return _ident(m.group("name")) if m.group("name") else None


@dataclass
class Cursor:
    """An open cursor: the rest of its query's batches, consumed as they are fetched."""

    name: str
    schema: pa.Schema
    batches: Iterator[pa.RecordBatch]
    binary: bool = False
    hold: bool = False
    pending: Optional[pa.RecordBatch] = field(default=None, repr=False)

    def fetch(self, count: Optional[int]) -> Iterator[pa.RecordBatch]:
        """The next ``count`` rows (None: all that are left), lazily."""
        left = count
        while left is None or left > 0:
            batch = self.pending if self.pending is not None else next(self.batches, None)
            self.pending = None
            if batch is None:
                return
            if left is not None and batch.num_rows > left:
                self.pending = batch.slice(left)
                batch = batch.slice(0, left)
            if left is not None:
                left -= batch.num_rows
            if batch.num_rows:
                yield batch

    def move(self, count: Optional[int]) -> int:
        """Skip ``count`` rows (None: all); the number skipped."""
        return sum(b.num_rows for b in self.fetch(count))

    def close(self) -> None:
        close = getattr(self.batches, "close", None)
        if close is not None:
            close()  # a generator's finally releases the query's DuckDB cursor


class Cursors:
    """A session's open cursors by name."""

    def __init__(self) -> None:
        self.open: dict[str, Cursor] = {}

    def add(self, cursor: Cursor) -> None:
        if cursor.name in self.open:
            cursor.close()
            raise SqlError("42P03", f'cursor "{cursor.name}" already exists')
        self.open[cursor.name] = cursor

    def get(self, name: str) -> Cursor:
        cursor = self.open.get(name)
        if cursor is None:
            raise SqlError("34000", f'cursor "{name}" does not exist')
        return cursor

    def close(self, name: Optional[str]) -> None:
        names = list(self.open) if name is None else [self.get(name).name]
        for n in names:
            self.open.pop(n).close()

    def end_transaction(self) -> None:
        """The transaction ended: cursors without WITH HOLD go with it."""
        for name in [n for n, c in self.open.items() if not c.hold]:
            self.open.pop(name).close()
