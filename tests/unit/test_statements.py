"""Splitting simple queries into statements and telling their kinds."""

import pytest

from duckflight.gateway import statements
from duckflight.gateway.core.sql_error import SqlError


def test_split_respects_strings_dollar_quotes_and_comments():
    sql = "select ';' as x; select $$a;b$$ ; -- c;\n select 3;;"
    assert statements.split(sql) == ["select ';' as x", "select $$a;b$$", "-- c;\n select 3"]


def test_empty_and_comment_only_queries_have_no_statements():
    assert statements.split("") == []
    assert statements.split(" ; -- nothing\n ;") == []


def test_unterminated_string_is_a_syntax_error():
    with pytest.raises(SqlError) as error:
        statements.split("select 'abc")
    assert error.value.sqlstate == "42601"


@pytest.mark.parametrize("sql,kind", [
    ("SELECT 1", "QUERY"), ("  with x as (select 1) select * from x", "QUERY"), ("values (1)", "QUERY"),
    ("(select 1)", "QUERY"), ("/* hi */ select 1", "QUERY"), ("explain select 1", "EXPLAIN"),
    ("SET search_path TO public", "SET"), ("show TimeZone", "SHOW"), ("begin", "BEGIN"),
    ("START TRANSACTION", "BEGIN"), ("end", "COMMIT"), ("abort", "ROLLBACK"), ("reset all", "RESET"),
    ("insert into t values (1)", "OTHER"), ("create table t (a int)", "OTHER"), ("selec 1", "UNKNOWN"),
])
def test_classify(sql, kind):
    assert statements.classify(sql).kind == kind
