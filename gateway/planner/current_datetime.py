"""Rule: the session's clock becomes constants, read once for the whole query.

PostgreSQL's current date and time functions (functions-datetime.html, "Current
Date/Time") return the start of the current transaction: ``now()``,
``current_timestamp``, ``transaction_timestamp()``, and in the session's TimeZone
``current_date``, ``current_time`` (a timetz), ``localtimestamp`` and
``localtime``; the ones with a precision round to it. ``statement_timestamp()`` is
the start of the statement. The special inputs ``'now'``, ``'today'``,
``'tomorrow'`` and ``'yesterday'`` of the date and time types read the same
clock. DuckDB's own clock is its transaction's, which a worker's fragment does
not share with the gateway, so every reading is written into the SQL as a
constant of its PostgreSQL type (see ``session_time.py``).

``clock_timestamp()`` is the time when it is called, row by row: it reads
DuckDB's per-row UUIDv7 clock (milliseconds) and is never before the statement's
start. ``timeofday()`` is a clock reading as text, read once here.

Run after ``output_types`` (which reads the precisions off these calls).

>>> import sqlglot, datetime as dt
>>> time = SessionTime.at("America/New_York", dt.datetime(2021, 6, 1, 2, 30, tzinfo=dt.timezone.utc))
>>> tree = sqlglot.parse_one("select current_date, localtime(0), date 'tomorrow'", read="postgres")
>>> current_datetime(tree, time).sql("duckdb")
"SELECT CAST('2021-05-31' AS DATE), CAST('22:30:00' AS TIME), CAST('2021-06-01' AS DATE)"
"""

from __future__ import annotations

import datetime as dt

from sqlglot import exp

from duckflight.gateway.planner.session_time import SessionTime

T = exp.DataType.Type
_TRANSACTION = ("now", "transaction_timestamp")
_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1}
_TYPES = {T.DATE: "DATE", T.TIMESTAMP: "TIMESTAMP", T.TIMESTAMPTZ: "TIMESTAMPTZ", T.TIME: "TIME", T.TIMETZ: "TIMETZ"}
_CLOCK_NODES = (exp.CurrentTimestamp, exp.CurrentDate, exp.CurrentTime, exp.Localtimestamp, exp.Localtime)
_CLOCK_FUNCTIONS = {*_TRANSACTION, "statement_timestamp", "clock_timestamp", "timeofday"}


def reads_clock(tree: exp.Expression) -> bool:
    """Whether the query reads the session's clock (its plan is good for this statement only)."""
    for node in tree.find_all(exp.Func, exp.Cast):
        if isinstance(node, _CLOCK_NODES) or isinstance(node, exp.Anonymous) and node.name.lower() in _CLOCK_FUNCTIONS:
            return True
        if isinstance(node, exp.Cast) and _word(node) is not None:
            return True
    return False


def current_datetime(tree: exp.Expression, time: SessionTime) -> exp.Expression:
    def rewrite(node: exp.Expression) -> exp.Expression:
        replacement = _reading(node, time)
        if replacement is None:
            return node
        replacement.type = replacement.to.copy() if isinstance(replacement, exp.Cast) \
            else exp.DataType.build("TIMESTAMPTZ")
        return replacement

    return tree.transform(rewrite, copy=False)


def _reading(node: exp.Expression, time: SessionTime) -> exp.Expression | None:
    local = time.local_transaction()
    if isinstance(node, exp.CurrentTimestamp):
        return _constant(_rounded(time.transaction, node.this), T.TIMESTAMPTZ)
    if isinstance(node, exp.CurrentDate):
        return _constant(local.date(), T.DATE)
    if isinstance(node, exp.CurrentTime):
        return _constant(_timetz(_rounded(time.transaction, node.this).astimezone(time.zone())), T.TIMETZ)
    if isinstance(node, exp.Localtimestamp):
        return _constant(_rounded(local, node.this), T.TIMESTAMP)
    if isinstance(node, exp.Localtime):
        return _constant(_rounded(local, node.this).time(), T.TIME)
    if isinstance(node, exp.Anonymous) and not node.expressions:
        name = node.name.lower()
        if name in _TRANSACTION:
            return _constant(time.transaction, T.TIMESTAMPTZ)
        if name == "statement_timestamp":
            return _constant(time.statement, T.TIMESTAMPTZ)
        if name == "clock_timestamp":
            uuid_clock = exp.Anonymous(this="uuid_extract_timestamp", expressions=[exp.Anonymous(this="uuidv7")])
            return exp.Greatest(this=_constant(time.statement, T.TIMESTAMPTZ), expressions=[uuid_clock])
        if name == "timeofday":
            return exp.Literal.string(_timeofday(dt.datetime.now(time.zone())))
    if isinstance(node, exp.Cast) and (word := _word(node)) is not None:
        return _special(word, node, time)
    return None


def _word(cast: exp.Cast) -> str | None:
    """The clock word a string constant cast to a date/time type starts with ('today 10:00')."""
    if not isinstance(cast.this, exp.Literal) or not cast.this.is_string or cast.to.this not in _TYPES:
        return None
    text = cast.this.name.strip().lower()
    first = text.split(None, 1)[0] if text else ""
    if text == "now" or first in _DAYS:
        return first
    return None


def _special(word: str, cast: exp.Cast, time: SessionTime) -> exp.Expression:
    """PostgreSQL's special inputs: 'now' is the transaction's start; 'today', 'tomorrow' and
    'yesterday' are midnight of that local date (plus any time that follows the word)."""
    kind = cast.to.this
    if word == "now":
        instant = time.transaction
        if kind == T.TIMESTAMPTZ:
            return _constant(instant, kind)
        local = instant.astimezone(time.zone())
        value = {T.DATE: local.date(), T.TIMESTAMP: local.replace(tzinfo=None), T.TIME: local.time(),
                 T.TIMETZ: _timetz(local)}[kind]
        return _constant(value, kind)
    day = time.local_transaction().date() + dt.timedelta(days=_DAYS[word])
    rest = cast.this.name.strip()[len(word):].strip()
    if kind in (T.TIME, T.TIMETZ):
        return exp.Cast(this=exp.Literal.string(rest or "00:00:00"), to=exp.DataType.build(_TYPES[kind]))
    text = f"{day.isoformat()} {rest}".strip()
    return exp.Cast(this=exp.Literal.string(text), to=exp.DataType.build(_TYPES[kind]))


def _rounded(value: dt.datetime, precision: exp.Expression | None) -> dt.datetime:
    """``value`` rounded to a precision of 0-6 fractional digits, half away from zero."""
    if precision is None:
        return value
    digits = min(int(precision.name), 6)
    step = 10 ** (6 - digits)
    micros = value.microsecond
    rounded = (micros + step // 2) // step * step
    return value.replace(microsecond=0) + dt.timedelta(microseconds=rounded)


def _timetz(local: dt.datetime) -> dt.time:
    """The local time with the zone's offset at that instant (a time alone has no date to find it)."""
    return local.time().replace(tzinfo=dt.timezone(local.utcoffset()))


def _constant(value, kind) -> exp.Cast:
    return exp.Cast(this=exp.Literal.string(_text(value)), to=exp.DataType.build(_TYPES[kind]))


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
            return value.replace(tzinfo=None).isoformat(sep=" ") + "+00"
        return value.isoformat(sep=" ")
    if isinstance(value, dt.time) and value.tzinfo is not None:
        offset = value.utcoffset()
        seconds = int(offset.total_seconds())
        sign = "-" if seconds < 0 else "+"
        hours, rest = divmod(abs(seconds), 3600)
        return f"{value.replace(tzinfo=None).isoformat()}{sign}{hours:02d}:{rest // 60:02d}"
    return value.isoformat()


def _timeofday(now: dt.datetime) -> str:
    """PostgreSQL's timeofday() text: 'Mon Nov 30 09:56:30.914757 2026 EST'."""
    return f"{now:%a %b %d %H:%M:%S}.{now.microsecond:06d} {now:%Y} {now.tzname()}"
