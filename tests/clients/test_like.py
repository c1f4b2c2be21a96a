"""LIKE, ILIKE and SIMILAR TO as psycopg sees them from duckflight and from PostgreSQL 15.

PostgreSQL's LIKE escapes with a backslash unless ``ESCAPE`` says otherwise, and SIMILAR
TO is a regular expression written with ``%`` and ``_``. Both servers hold the same TPC-H
tables (bi_support.py); each query runs on both, in text and in binary, over constants,
over table rows (the patterns then run in worker fragments) and over the catalog (the
gateway's system catalog, where psql's queries go), and must give the same columns and
rows, or the same SQLSTATE.
"""

from __future__ import annotations

import pytest

from bi_support import duckflight_server, pg15_server  # noqa: F401
from bi_support import psycopg_result, sqlstate

QUERIES = {
    "backslash escapes": r"select 'x%' like 'x\%' a, 'xy' like 'x\%' b, 'x\y' like 'x\\%' c,"
                         r" 'X_Z' ilike 'x\_z' d, 'xqz' ilike 'x\_z' e, 'a\b' like 'a\\b' f, 'ab' like 'a\b' g",
    "escape clauses": r"select 'a_b' like 'a#_b' escape '#' a, 'axb' like 'a#_b' escape '#' b,"
                      r" 'a\b' like 'a\b' escape '' c, 'a%' not like 'a!%' escape '!' d,"
                      r" 'A%' not ilike 'a!%' escape '!' e, 'x' like 'x' escape null f",
    "operators": r"select 'a_c' ~~ 'a\_c' a, 'abc' ~~ 'a\_c' b, 'A_C' ~~* 'a\_c' c, 'abc' !~~ 'a\_c' d,"
                 r" 'ABC' !~~* 'a\_c' e",
    "quantified": r"select 'a%' like any (array['b', 'a\%']) a, 'a' like all (array['a%', '_']) b,"
                  r" 'a' like any (array['b', null]) c, 'a' like all (array['a', null]) d,"
                  r" 'a' not like all (array['b%', 'c']) e, 'A' ilike any (array['a']) f",
    "similar to": r"select 'abc' similar to 'a%' a, 'abc' similar to '(b|a)_c' b, 'a%' similar to 'a\%' c,"
                  r" 'ab' similar to 'a_' escape '' d, 'a.c' similar to 'a.c' e, 'abc' similar to 'a.c' f,"
                  r" 'a' not similar to '[a-c]' g, 'x|y' similar to 'x#|y' escape '#' h,"
                  r" 'aaa' similar to 'a{2,3}' i",
    "table rows": r"select count(*) filter (where p_name like '%green%') a,"
                  r" count(*) filter (where p_type ilike 'promo%') b,"
                  r" count(*) filter (where p_comment not like '%\_%') c,"
                  r" count(*) filter (where p_container like 'SM#_%' escape '#') d,"
                  r" count(*) filter (where p_mfgr similar to 'Manufacturer#(1|2)') e,"
                  r" count(*) filter (where p_name like any (array['a%', 'b%'])) f from part",
    "pushed into fragments": r"select p_partkey, p_name from part where p_name like 'forest%' and p_name !~~ '%\%%'"
                             r" order by p_partkey limit 5",
    "patterns from rows": r"select n_name, n_name like substr(n_name, 1, 2) || '%' a,"
                          r" n_name ilike lower(n_name) b from nation order by n_nationkey limit 5",
    "catalog": r"select relname::text from pg_class where relname like 'line\_item' or relname ~~ 'orde_s'"
               r" or relname ilike 'NATION' or relname like 'p_rtsupp' escape '' order by 1",
}

ERRORS = {
    "a lone escape at the end": (r"select 'ab' like 'a\'", "22025"),
    "reached in a table": (r"select count(*) from nation where n_name like 'A\'", "22025"),
    "a long escape": ("select 'a' like 'a' escape 'ab'", "22025"),
    "a long SIMILAR TO escape": ("select 'a' similar to 'a' escape 'ab'", "22025"),
    "three escape-double-quotes": (r"""select 'a' similar to '\"a\"b\"c\"'""", "2200C"),
    "SIMILAR TO ANY": ("select 'a' similar to any (array['a'])", "42601"),
}


@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
@pytest.mark.parametrize("name", list(QUERIES))
def test_pattern_matching_matches_postgresql(name, binary, duckflight_server, pg15_server):
    ours, _, our_rows = psycopg_result(duckflight_server, QUERIES[name], binary)
    theirs, _, their_rows = psycopg_result(pg15_server, QUERIES[name], binary)
    assert (ours, our_rows) == (theirs, their_rows)


@pytest.mark.parametrize("name", list(ERRORS))
def test_pattern_errors_match_postgresql(name, duckflight_server, pg15_server):
    sql, expected = ERRORS[name]
    assert sqlstate(pg15_server, sql) == expected  # the referee says so
    assert sqlstate(duckflight_server, sql) == expected


def test_the_answers_themselves(duckflight_server):
    """What the comparison relies on, spelled out: the brief's example."""
    _, _, rows = psycopg_result(duckflight_server, QUERIES["backslash escapes"])
    assert rows[0][:5] == (True, False, True, True, False)


def test_similar_to_needs_a_constant_pattern(duckflight_server):
    """PostgreSQL translates any pattern; duckflight translates constants (docs/postgres-differences.md)."""
    assert sqlstate(duckflight_server, "select n_name similar to n_comment from nation") == "0A000"
