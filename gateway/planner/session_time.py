"""What a query's dates and times depend on in its session: the TimeZone and two instants.

PostgreSQL computes timestamptz values in the session's TimeZone (casts to and
from timestamp, date and text, date_trunc, extract, adding intervals across a
daylight-saving change), and its clock functions read instants it fixes for the
session: the start of the current transaction (``now()``, ``current_timestamp``,
``current_date``, …: the same in every statement of a transaction block, see
GetCurrentTransactionStartTimestamp) and of the current statement
(``statement_timestamp()``, GetCurrentStatementStartTimestamp).

The session's ``SessionView`` carries both (``SessionTime.of``). The planner puts the zone
on the plan and on every fragment (the gateway and each worker then run DuckDB
in it, see ``worker/execute.fragment_cursor``) and writes the instants into the
SQL as constants (``current_datetime``), so that every worker and the gateway
read the same values.

>>> SessionTime.at("Asia/Kolkata", dt.datetime(2021, 6, 1, 2, 30, tzinfo=dt.timezone.utc)).local_transaction()
datetime.datetime(2021, 6, 1, 8, 0)
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class SessionTime:
    time_zone: str = "UTC"
    transaction: dt.datetime = field(default_factory=utc_now)  # aware, UTC
    statement: dt.datetime = field(default_factory=utc_now)

    @staticmethod
    def at(time_zone: str, transaction: dt.datetime, statement: dt.datetime | None = None) -> "SessionTime":
        return SessionTime(time_zone, transaction, statement or transaction)

    @staticmethod
    def of(view) -> "SessionTime":
        """The TimeZone and instants a ``system.session_view.SessionView`` carries (now when none)."""
        now = utc_now()
        return SessionTime(view.settings.get("TimeZone", "UTC"), view.transaction_start or now,
                           view.statement_start or now)

    def zone(self) -> dt.tzinfo:
        return dt.timezone.utc if self.time_zone == "UTC" else zoneinfo.ZoneInfo(self.time_zone)

    def local_transaction(self) -> dt.datetime:
        """The transaction's start as a wall-clock time of the session's zone (naive)."""
        return self.transaction.astimezone(self.zone()).replace(tzinfo=None)
