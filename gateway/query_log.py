"""One log line per statement a client runs: what an operator reads at INFO.

    [query 1f0c2a9be4d1] user=alice command=SELECT rows=4 duration=0.031s outcome=ok
    [query 77aa01c2d3e4] user=bob command=SELECT rows=0 duration=0.002s outcome=error sqlstate=42P01 message="…"

Queries (SELECT, EXPLAIN, COPY, cursors) and every failed statement log at INFO;
the settings and transaction chatter drivers send (SET, SHOW, BEGIN, …) at DEBUG.
A statement whose rows stream logs once its stream ends, so ``rows`` and
``duration`` cover the whole answer. SQL text and per-fragment lines are DEBUG
lines of the session, engine and workers.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Iterator

import pyarrow as pa

from duckflight.gateway.pgwire.backend import Outcome

log = logging.getLogger(__name__)

QUIET = {"SET", "RESET", "SHOW", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "DISCARD", "DEALLOCATE"}


class StatementLog:
    """The log line of one statement; call ``failed`` or ``finished`` once."""

    def __init__(self, query_id: str, user: str, kind: str, verb: str = ""):
        self.query_id = query_id
        self.user = user
        self.verb = verb.upper()  # the statement's first word: its command until the outcome says
        self.level = logging.DEBUG if kind in QUIET else logging.INFO
        self.started = time.monotonic()

    def failed(self, error: BaseException, command: str = "", rows: int | None = None) -> None:
        state = getattr(error, "sqlstate", "XX000")
        text = getattr(error, "message", None) or str(error)
        self._write(logging.INFO, command, rows,
                    f"outcome=error sqlstate={state} message={_one_line(text)}")

    def finished(self, outcome: Outcome) -> Outcome:
        """``outcome``, its rows counted as they stream; the line is written when they end."""
        if outcome.schema is None:
            self._write(self.level, outcome.command, None, "outcome=ok")
            return outcome
        outcome.batches = self._counted(outcome.command, outcome.batches)
        return outcome

    def _counted(self, command: str, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        rows = 0
        try:
            for batch in batches:
                rows += batch.num_rows
                yield batch
        except GeneratorExit:  # the client stopped reading (portal closed, connection gone)
            self._write(self.level, command, rows, "outcome=closed")
            raise
        except BaseException as error:
            self.failed(error, command, rows)
            raise
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()  # what the stream holds (fragments, the running query) is let go now
        self._write(self.level, command, rows, "outcome=ok")

    def _write(self, level: int, command: str, rows: int | None, outcome: str) -> None:
        if not log.isEnabledFor(level):
            return
        counted = "" if rows is None else f" rows={rows}"
        log.log(level, "[query %s] user=%s command=%s%s duration=%.3fs %s", self.query_id, self.user,
                command or self.verb or "-", counted, time.monotonic() - self.started, outcome)


def _one_line(text: str) -> str:
    """The message's first line, quoted and escaped as a JSON string."""
    return json.dumps((text.strip().splitlines() or [""])[0], ensure_ascii=False)
