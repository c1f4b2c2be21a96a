"""Ordinary SQL gets PostgreSQL's answer: a corpus of queries run on duckflight and on PostgreSQL 15.

Both servers hold the same rows: TPC-H at scale factor 0.01 and small tables of the types
TPC-H lacks (differential_support.py). Every entry of tests/clients/differential/corpus.sql
(hand-written) and generated.sql (sqlsmith, grown by generate.py) must get the same column
names, type OIDs and modifiers, the same rows as the server's text and as psycopg's Python
values (as a multiset unless the query ends with an ORDER BY), or an error of the same
SQLSTATE class. A failure shows both answers.

Entries that still differ are in known_differences.txt with the area they belong to; they
move into the corpus once that area is fixed (check.py shows which pass).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from differential_support import CORPUS, GENERATED, answer, differences, ordered, read_entries, read_known, servers
from duckflight.gateway.demo import ensure_tpch

ENTRIES = [pytest.param(e, id=f"{path.stem}:{e.line}") for path in (CORPUS, GENERATED) for e in read_entries(path)]


class Sessions:
    """One session on each server; an entry that sets something gets fresh sessions."""

    def __init__(self, ours: str, theirs: str):
        self.urls = (ours, theirs)
        self.connections = self._connect()
        self.pool = ThreadPoolExecutor(1)

    def _connect(self):
        return [psycopg.connect(url, autocommit=True) for url in self.urls]

    def answers(self, entry):
        if entry.setup:
            self.close()
            self.connections = self._connect()
        ours, theirs = self.connections
        referee = self.pool.submit(answer, theirs, entry)  # PostgreSQL answers while duckflight does
        result = [answer(ours, entry), referee.result()]
        if entry.setup:
            self.close()
            self.connections = self._connect()
        return result

    def close(self):
        for conn in self.connections:
            conn.close()

    def shut(self):
        self.close()
        self.pool.shutdown()


@pytest.fixture(scope="module")
def sessions(data_cache, tmp_path_factory):
    with servers(tmp_path_factory.mktemp("differential"), ensure_tpch(0.01, root=data_cache)) as (dsn, pg_url):
        sessions = Sessions(dsn, pg_url)
        yield sessions
        sessions.shut()


@pytest.mark.parametrize("entry", ENTRIES)
def test_same_answer_as_postgresql(entry, sessions):
    ours, theirs = sessions.answers(entry)
    found = differences(ours, theirs, ordered(entry.sql))
    assert not found, (f"{entry.comment}: {', '.join(found)} differ\n{entry.sql}\n"
                       f"  duckflight: {ours.show()}\n  PostgreSQL: {theirs.show()}")


def test_known_differences_are_not_in_the_corpus():
    """A known difference is moved into the corpus, not copied: each query is in one place."""
    corpus = {" ".join(e.sql.split()) for path in (CORPUS, GENERATED) for e in read_entries(path)}
    known = read_known()
    assert known, "known_differences.txt lists the differences other work is fixing"
    assert not [e.sql for _, e in known if " ".join(e.sql.split()) in corpus]
