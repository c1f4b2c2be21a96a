"""SQL cursors as PostgreSQL 15 runs them: SCROLL cursors in every direction, NO SCROLL refusing
to go back, pg_cursors listing the session's cursors, and psycopg's scrollable named cursors.

Every step runs on duckflight and on PostgreSQL with the same table (catalog_support.py):
the command tag, the rows and the SQLSTATE of an error must be the same.
"""

from __future__ import annotations

import json
import subprocess

import psycopg
import pytest

from catalog_support import catalog_data, catalog_duckflight, catalog_pg, sqlalchemy14  # noqa: F401

QUERY = "select o_orderkey from orders order by o_orderkey"
# Positions that PostgreSQL's DoPortalRunFetch treats apart: rewinds, past either end, FETCH 0, MOVE.
MOVES = ["fetch 3", "fetch prior", "fetch backward 5", "fetch next", "fetch first", "fetch last", "fetch next",
         "fetch absolute 4", "fetch absolute -3", "fetch absolute 0", "fetch relative 2", "fetch relative -1",
         "fetch relative 0", "fetch 0", "fetch forward 0", "fetch backward 0", "move forward all", "fetch prior",
         "move backward all", "fetch -2", "move absolute 3", "move relative 20", "move backward 2",
         "fetch absolute 11", "fetch absolute 10", "fetch backward all", "move absolute -1", "fetch all",
         "move 0", "fetch forward all", "fetch absolute 1", "move relative 0", "fetch absolute -20"]


def steps(url: str, declare: str, moves: list[str]) -> list:
    """(tag, rows) of every step, or the SQLSTATE of the one that failed (the block is then over)."""
    found = []
    with psycopg.connect(url.replace("tester@", "duckflight@")) as connection:
        cursor = connection.cursor()
        cursor.execute(declare)
        for move in moves:
            try:
                cursor.execute(f"{move} from c")
            except psycopg.Error as error:
                found.append((move, error.sqlstate))
                break
            found.append((move, cursor.statusmessage, cursor.fetchall() if cursor.description else None))
    return found


def test_scroll_cursor_moves_as_postgresql(catalog_duckflight, catalog_pg):
    declare = f"declare c scroll cursor for {QUERY}"
    assert steps(catalog_duckflight, declare, MOVES) == steps(catalog_pg, declare, MOVES)


@pytest.mark.parametrize("moves", [["fetch 2", "fetch prior"], ["fetch 2", "fetch first"], ["fetch 3", "fetch absolute 2"],
                                   ["fetch last"], ["fetch 2", "move backward all"], ["fetch 1", "fetch 0"],
                                   ["fetch absolute 3", "fetch absolute 5", "fetch relative 1", "fetch -1"]])
def test_no_scroll_cursor_refuses_backward_moves(moves, catalog_duckflight, catalog_pg):
    declare = f"declare c no scroll cursor for {QUERY}"
    ours = steps(catalog_duckflight, declare, moves)
    assert ours == steps(catalog_pg, declare, moves)
    assert ours[-1][1] == "55000"


def test_pg_cursors_lists_the_sessions_cursors(catalog_duckflight, catalog_pg):
    listed = "select name, statement, is_holdable, is_binary, is_scrollable, creation_time is not null from pg_cursors"
    answers = []
    for url in (catalog_duckflight.replace("tester@", "duckflight@"), catalog_pg):
        with psycopg.connect(url) as connection:
            connection.execute(f"declare a scroll cursor for {QUERY}")
            connection.execute(f'declare "B" binary no scroll cursor with hold for {QUERY}')
            first = connection.execute(f"{listed} order by name").fetchall()
            connection.execute("close a")
            answers.append((first, connection.execute(listed).fetchall()))
            connection.commit()
            answers.append(connection.execute(listed).fetchall())  # WITH HOLD outlives its transaction
    assert answers[:2] == answers[2:]


def test_psycopg_scrollable_named_cursor(catalog_duckflight, catalog_pg):
    answers = []
    for url in (catalog_duckflight.replace("tester@", "duckflight@"), catalog_pg):
        with psycopg.connect(url) as connection:
            with connection.cursor(name="walk", scrollable=True) as cursor:
                cursor.execute(QUERY)
                seen = [cursor.fetchmany(4)]
                cursor.scroll(-3)
                seen.append(cursor.fetchone())
                cursor.scroll(7, mode="absolute")
                seen.append(cursor.fetchall())
                cursor.scroll(0, mode="absolute")
                seen.append(cursor.fetchone())
            # leaving the block closed it: psycopg asks pg_cursors whether it still exists
            seen.append(connection.execute("select count(*) from pg_cursors").fetchone())
        answers.append(seen)
    assert answers[0] == answers[1]
    assert answers[0][1] == (1,)


PSYCOPG2 = """
import json, sys
import psycopg2
connection = psycopg2.connect(sys.argv[1])
seen = []
with connection.cursor("walk", scrollable=True) as cursor:
    cursor.itersize = 3
    cursor.execute("QUERY")
    seen.append(cursor.fetchmany(4))
    cursor.scroll(-2)
    seen.append(cursor.fetchone())
    cursor.scroll(8, mode="absolute")
    seen.append(cursor.fetchall())
    cursor.scroll(1, mode="absolute")
    seen.append(list(cursor)[:3])
with connection.cursor("forward", scrollable=False) as cursor:
    cursor.execute("QUERY")
    cursor.fetchmany(3)
    try:
        cursor.scroll(-1)
    except psycopg2.Error as error:
        seen.append(error.pgcode)
connection.rollback()
with connection.cursor() as cursor:
    cursor.execute("select count(*) from pg_cursors")
    seen.append(cursor.fetchone())
print(json.dumps(seen, default=str))
"""


@pytest.mark.timeout(900)
def test_psycopg2_named_cursors(sqlalchemy14, catalog_duckflight, catalog_pg):
    """psycopg2 (Superset's and SQLAlchemy 1.4's driver): scrollable named cursors, and a
    forward-only one refusing to go back."""
    answers = []
    for url in (catalog_duckflight.replace("tester@", "duckflight@"), catalog_pg):
        done = subprocess.run([sqlalchemy14, "-c", PSYCOPG2.replace("QUERY", QUERY), url], capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr[-4000:]
        answers.append(json.loads(done.stdout))
    assert answers[0] == answers[1]
    assert answers[0][-2] == "55000"
