"""SQL cursors: DECLARE, FETCH, MOVE and CLOSE, over a query's stream of record batches.

A cursor keeps its query's ``Outcome`` open. A forward-only cursor (NO SCROLL, and
the default here) takes the next rows off the batch stream as they are fetched,
slicing a batch when the count ends inside it, and never reads ahead, so a client
such as psycopg's named cursor walks a large result a few thousand rows at a time.
A SCROLL cursor also keeps the rows it has read, so that it can go back (PostgreSQL
keeps them in a tuplestore too). Every direction of FETCH and MOVE moves the cursor
as PostgreSQL's ``DoPortalRunFetch`` does, out of the same three steps (forward,
backward, rewind), so positions, row counts and the "cursor can only scan forward"
error of a forward-only cursor are PostgreSQL's. Without WITH HOLD a cursor ends
with its transaction, as in PostgreSQL.

    >>> parse_declare('DECLARE "c" BINARY NO SCROLL CURSOR WITH HOLD FOR select 1')
    Declare(name='c', query='select 1', binary=True, hold=True, scroll=False)
    >>> parse_fetch("fetch forward 5 from c"), parse_fetch("FETCH ALL IN c"), parse_fetch("move prior c")
    (('c', Fetch(direction='forward', count=5)), ('c', Fetch(direction='forward', count=None)), ('c', Fetch(direction='backward', count=1)))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterator, NamedTuple, Optional

import pyarrow as pa

from duckflight.gateway.core.identifiers import read_ident
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.system.session_view import OpenCursor

_NAME = r'(?P<name>"(?:[^"]|"")+"|[A-Za-z_][\w$]*)'
_DECLARE = re.compile(
    r"^declare\s+" + _NAME + r"\s+(?P<opts>(?:(?:binary|insensitive|asensitive|no\s+scroll|scroll)\s+)*)"
    r"cursor\s+(?:(?P<hold>with|without)\s+hold\s+)?for\s+(?P<query>.+)$", re.I | re.S)
_FETCH = re.compile(r"^(?:fetch|move)\s+(?:(?P<dir>.*?)\s+)?(?:(?:from|in)\s+)?" + _NAME + r"$", re.I | re.S)
_CLOSE = re.compile(r"^close\s+(?:all|" + _NAME + r")$", re.I | re.S)
_COUNT = re.compile(r"[+-]?\d+")


@dataclass
class Declare:
    name: str
    query: str
    binary: bool
    hold: bool
    scroll: bool  # SCROLL; NO SCROLL and the default go forward only (see docs/postgres-differences.md)


class Fetch(NamedTuple):
    """A FETCH or MOVE direction as PostgreSQL's grammar reduces it (FetchDirection)."""

    direction: str  # "forward", "backward", "absolute" or "relative"
    count: Optional[int]  # None: ALL


def parse_declare(sql: str) -> Declare:
    m = _DECLARE.match(sql.strip())
    if not m:
        raise SqlError("42601", "syntax error in DECLARE")
    opts = " ".join(m.group("opts").lower().split())
    scroll = "scroll" in opts.replace("no scroll", "")
    if scroll and "no scroll" in opts:
        raise SqlError("42P11", "cannot specify both SCROLL and NO SCROLL")
    return Declare(read_ident(m.group("name")), m.group("query"), "binary" in opts.split(),
                   (m.group("hold") or "").lower() == "with", scroll)


def parse_fetch(sql: str) -> tuple[str, Fetch]:
    """(cursor name, direction) of a FETCH or MOVE."""
    m = _FETCH.match(sql.strip())
    if not m:
        raise SqlError("42601", "syntax error in FETCH")
    words = (m.group("dir") or "next").lower().split()
    if words[-1] in ("from", "in"):  # "FETCH FROM c": the lazy match took the keyword
        words = words[:-1] or ["next"]
    return read_ident(m.group("name")), _direction(words)


def _direction(words: list[str]) -> Fetch:
    first, rest = words[0], words[1:]
    count = _count(rest[0]) if len(rest) == 1 else None
    simple = {"next": Fetch("forward", 1), "prior": Fetch("backward", 1), "first": Fetch("absolute", 1),
              "last": Fetch("absolute", -1), "all": Fetch("forward", None)}
    if first in simple and not rest:
        return simple[first]
    if first in ("forward", "backward") and (not rest or rest == ["all"] or count is not None):
        return Fetch(first, None if rest == ["all"] else (1 if not rest else count))
    if first in ("absolute", "relative") and count is not None:
        return Fetch(first, count)
    if len(words) == 1 and _count(first) is not None:
        return Fetch("forward", _count(first))
    raise SqlError("42601", f'syntax error at or near "{words[0]}"')


def _count(word: str) -> Optional[int]:
    return int(word) if _COUNT.fullmatch(word) else None


def parse_close(sql: str) -> Optional[str]:
    """The cursor name of CLOSE name, or None for CLOSE ALL."""
    m = _CLOSE.match(sql.strip())
    if not m:
        raise SqlError("42601", "syntax error in CLOSE")
    return read_ident(m.group("name")) if m.group("name") else None


def _backward_error() -> SqlError:
    return SqlError("55000", "cursor can only scan forward", hint="Declare it with SCROLL option to enable backward scan.")


@dataclass
class Cursor:
    """An open cursor: its query's batches, read as they are fetched, and where it stands.

    ``pos``, ``at_start`` and ``at_end`` are PostgreSQL's portalPos, atStart and atEnd:
    the number of the row the cursor is on (0 before the first), and whether it is
    before the first row or past the last.
    """

    name: str
    schema: pa.Schema
    batches: Iterator[pa.RecordBatch]
    binary: bool = False
    hold: bool = False
    scroll: bool = False
    statement: str = ""
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    pos: int = 0
    at_start: bool = True
    at_end: bool = False
    pending: Optional[pa.RecordBatch] = field(default=None, repr=False)  # the unread rest of a batch
    kept: list[pa.RecordBatch] = field(default_factory=list, repr=False)  # rows read so far (SCROLL only)
    kept_rows: int = 0

    def fetch(self, how: Fetch) -> Iterator[pa.RecordBatch]:
        """The rows FETCH returns, moving the cursor."""
        return self._run(how, emit=True)

    def move(self, how: Fetch) -> int:
        """Move as FETCH would; the count MOVE reports."""
        return self._run(how, emit=False)

    # -- DoPortalRunFetch ------------------------------------------------------
    def _run(self, how: Fetch, emit: bool):
        direction, count = how
        if direction == "forward" and count is not None and count < 0:
            direction, count = "backward", -count
        elif direction == "backward" and count is not None and count < 0:
            direction, count = "forward", -count
        if direction == "absolute":
            return self._absolute(count, emit)
        if direction == "relative":
            if count > 0:
                self._skip(True, count - 1)
                return self._select(True, 1, emit)
            if count < 0:
                self._skip(False, -count - 1)
                return self._select(False, 1, emit)
            direction = "forward"
        forward = direction == "forward"
        if count == 0:  # the current row again, if the cursor is on one
            on_row = not self.at_start and not self.at_end
            if not emit:
                return 1 if on_row else 0
            if on_row:
                self._skip(False, 1)
                count, forward = 1, True
        if not forward and count is None and not emit:  # MOVE BACKWARD ALL: a rewind
            result = self.pos - 1 if self.pos > 0 and not self.at_end else self.pos
            self._rewind()
            return result
        return self._select(forward, count, emit)

    def _absolute(self, count: int, emit: bool):
        if count > 0:
            if count - 1 <= self.pos // 2:
                self._rewind()
                self._skip(True, count - 1)
            else:
                pos = self.pos + 1 if self.at_end else self.pos  # one extra fetch when past the end
                if count <= pos:
                    self._skip(False, pos - count + 1)
                elif count > pos + 1:
                    self._skip(True, count - pos - 1)
            return self._select(True, 1, emit)
        if count < 0:
            self._skip(True, None)
            self._skip(False, -count - 1)
            return self._select(False, 1, emit)
        self._rewind()
        return self._select(True, 0, emit)

    def _skip(self, forward: bool, count: Optional[int]) -> None:
        if count != 0:
            self._select(forward, count, emit=False)

    def _select(self, forward: bool, count: Optional[int], emit: bool):
        """PortalRunSelect: up to ``count`` rows (None: all) in one direction; the rows
        (lazily) when ``emit``, else their number."""
        if forward:
            rows = self._forward(count)
            return rows if emit else sum(b.num_rows for b in rows)
        if not self.scroll:
            raise _backward_error()
        batches = self._backward(count)
        return iter(batches) if emit else sum(b.num_rows for b in batches)

    def _forward(self, count: Optional[int]) -> Iterator[pa.RecordBatch]:
        if self.at_end or count is not None and count <= 0:
            return
        done = 0
        while count is None or done < count:
            batch = self._row_batch(self.pos, None if count is None else count - done)
            if batch is None:
                break
            done += batch.num_rows
            self.pos += batch.num_rows
            self.at_start = False
            yield batch
        if count is None or done < count:
            self.at_end = True

    def _row_batch(self, after: int, most: Optional[int]) -> Optional[pa.RecordBatch]:
        """Rows after row ``after`` (at most ``most``): kept ones, else the stream's next."""
        if self.scroll and after < self.kept_rows:
            table = pa.Table.from_batches(self.kept, self.schema).slice(after, most)
            return table.combine_chunks().to_batches()[0] if table.num_rows else None
        batch = self.pending if self.pending is not None else next(self.batches, None)
        self.pending = None
        while batch is not None and batch.num_rows == 0:
            batch = next(self.batches, None)
        if batch is None:
            return None
        if most is not None and batch.num_rows > most:
            self.pending = batch.slice(most)
            batch = batch.slice(0, most)
        if self.scroll:
            self.kept.append(batch)
            self.kept_rows += batch.num_rows
        return batch

    def _backward(self, count: Optional[int]) -> list[pa.RecordBatch]:
        if self.at_start or count is not None and count <= 0:
            return []
        first = self.pos if self.at_end else self.pos - 1  # the row backward starts at
        last = 1 if count is None else max(first - count + 1, 1)
        done = max(first - last + 1, 0)
        if done and self.at_end:
            self.at_end = False
            self.pos += 1
        if count is None or done < count:
            self.at_start, self.pos = True, 0
        else:
            self.pos -= done
        if not done:
            return []
        table = pa.Table.from_batches(self.kept, self.schema)
        return table.take(pa.array(range(first - 1, last - 2, -1))).to_batches()

    def _rewind(self) -> None:
        """DoPortalRewind: back before the first row (a forward-only cursor only if it is there)."""
        if self.at_start and not self.at_end:
            return
        if not self.scroll:
            raise _backward_error()
        self.pos, self.at_start, self.at_end = 0, True, False

    def close(self) -> None:
        close = getattr(self.batches, "close", None)
        if close is not None:
            close()  # a generator's finally releases the query's DuckDB cursor

    def listed(self) -> OpenCursor:
        return OpenCursor(self.name, self.statement, self.hold, self.binary, self.scroll, self.created)


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

    def listed(self) -> list[OpenCursor]:
        """pg_cursors' rows."""
        return [c.listed() for c in self.open.values()]

    def close(self, name: Optional[str]) -> None:
        names = list(self.open) if name is None else [self.get(name).name]
        for n in names:
            self.open.pop(n).close()

    def end_transaction(self) -> None:
        """The transaction ended: cursors without WITH HOLD go with it."""
        for name in [n for n, c in self.open.items() if not c.hold]:
            self.open.pop(name).close()
