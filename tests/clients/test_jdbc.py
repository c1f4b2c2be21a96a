"""pgjdbc, the driver of Java BI tools, against duckflight and against PostgreSQL 15.

tests/clients/java/JdbcProbe.java does what such a tool does (metadata calls, prepared
statements past pgjdbc's prepareThreshold, a cursor over all of lineitem, result-set
metadata, errors, transactions) and prints what it saw as JSON. It runs once against
duckflight (behind a ``WireTap`` that records what pgjdbc sends) and once against
PostgreSQL 15 holding the same tables; the tests compare the two.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bi_support import Server, WireTap, duckflight_server, pg15_server  # noqa: F401

JAR = Path("/usr/share/java/postgresql.jar")  # Debian's libpostgresql-jdbc-java
PROBE = Path(__file__).resolve().parent / "java" / "JdbcProbe.java"
HEAP = "64m"  # all of lineitem held at once would need several times this


@pytest.fixture(scope="module")
def probe_classes(tmp_path_factory) -> Path:
    assert shutil.which("javac"), "javac is not installed (tests/run installs openjdk-17-jdk-headless)"
    assert JAR.is_file(), f"{JAR} is missing (tests/run installs libpostgresql-jdbc-java)"
    out = tmp_path_factory.mktemp("jdbc-probe")
    proc = subprocess.run(["javac", "-d", str(out), "-cp", str(JAR), str(PROBE)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out


def run_probe(classes: Path, server: Server) -> dict:
    url = f"jdbc:postgresql://{server.host}:{server.port}/{server.database}"
    proc = subprocess.run(
        ["java", f"-Xmx{HEAP}", "-cp", f"{JAR}:{classes}", "JdbcProbe", url, server.user],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, f"JdbcProbe failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-4000:]}"
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def tapped(duckflight_server, probe_classes):
    """(what pgjdbc saw from duckflight, the WireTap of that run)."""
    tap = WireTap(duckflight_server)
    try:
        yield run_probe(probe_classes, tap.server()), tap
    finally:
        tap.close()


@pytest.fixture(scope="module")
def df(tapped) -> dict:
    return tapped[0]


@pytest.fixture(scope="module")
def pg(pg15_server, probe_classes) -> dict:
    return run_probe(probe_classes, pg15_server)


def no_error(step):
    """The step's result, failing with the error pgjdbc raised if it raised one."""
    failed = isinstance(step, dict) and isinstance(step.get("error"), dict) and "class" in step["error"]
    assert not failed, step["error"]
    return step


def lower(labels: list[str]) -> list[str]:
    # pgjdbc finds result columns by name case-insensitively; PostgreSQL folds the
    # unquoted aliases of its metadata queries to lower case.
    return [label.lower() for label in labels]


def test_connect_reports_postgresql_15_database_and_schema(df, pg):
    assert no_error(df["connect"]) == {"product": "PostgreSQL", "major": 15, "catalog": "duckflight",
                                       "schema": "public", "one_plus_one": 2}
    assert df["connect"] == pg["connect"]


def test_get_catalogs_and_schemas(df, pg):
    assert no_error(df["catalogs"]) == pg["catalogs"] == {"labels": ["TABLE_CAT"], "rows": [["duckflight"]], "count": 1}
    schemas = no_error(df["schemas"])
    assert lower(schemas["labels"]) == lower(pg["schemas"]["labels"]) == ["table_schem", "table_catalog"]
    names = [row[0] for row in schemas["rows"]]
    assert names == sorted(names)
    assert {"information_schema", "pg_catalog", "public"} <= set(names)


def test_get_tables_lists_every_table_as_postgresql_does(df, pg):
    tables = no_error(df["tables"])
    assert [row[2] for row in tables["rows"]] == ["customer", "lineitem", "nation", "orders", "part",
                                                  "partsupp", "region", "supplier"]
    assert tables == pg["tables"]


def test_get_columns_types_sizes_and_positions_match_postgresql(df, pg):
    columns = no_error(df["columns"])
    assert columns["labels"] == pg["columns"]["labels"]
    assert columns["count"] == 16
    by_name = {row[3]: row for row in columns["rows"]}
    # DATA_TYPE (java.sql.Types), TYPE_NAME, COLUMN_SIZE, DECIMAL_DIGITS, ORDINAL_POSITION
    assert [by_name["l_orderkey"][i] for i in (4, 5, 6, 8, 16)] == ["-5", "int8", "19", "0", "1"]
    assert [by_name["l_extendedprice"][i] for i in (4, 5, 6, 8, 16)] == ["2", "numeric", "15", "2", "6"]
    assert [by_name["l_shipdate"][i] for i in (4, 5, 16)] == ["91", "date", "11"]
    assert [by_name["l_comment"][i] for i in (4, 5, 16)] == ["12", "text", "16"]
    assert columns["rows"] == pg["columns"]["rows"]


def test_get_primary_keys_answers_none(df, pg):
    keys = no_error(df["primary_keys"])
    assert lower(keys["labels"]) == lower(pg["primary_keys"]["labels"])
    assert keys["rows"] == pg["primary_keys"]["rows"] == []


def test_get_type_info_knows_the_common_types(df, pg):
    info = no_error(df["type_info"])
    assert info["labels"] == pg["type_info"]["labels"]
    common = ["bool", "int2", "int4", "int8", "float4", "float8", "numeric", "text", "varchar", "bpchar",
              "date", "time", "timestamp", "timestamptz", "interval", "bytea", "uuid", "json"]
    assert {t: info["types"].get(t) for t in common} == {t: pg["type_info"]["types"][t] for t in common}


def test_prepared_statement_goes_server_side_and_binary_with_the_same_rows(tapped, pg):
    df, tap = tapped
    runs = no_error(df["prepared"])
    assert [run["server_prepared"] for run in runs] == [False] * 3 + [True] * 7
    assert runs == pg["prepared"]
    assert [len(run["rows"]) for run in runs[:3]] == [6, 6, 7]
    # From the prepareThreshold-th run on, pgjdbc binds a named statement (S_n) and asks
    # for binary results (int8, numeric, date in binary; text stays text).
    named = [formats for name, formats in tap.binds() if name.startswith("S_") and len(formats) == 7]
    assert named and all(formats == [1, 1, 1, 1, 1, 0, 0] for formats in named), tap.binds()


def test_parameters_of_date_numeric_varchar_and_int_types(df, pg):
    runs = no_error(df["prepared_params"])
    assert runs == pg["prepared_params"]
    assert runs[0] != runs[1] and len(set(runs)) == 2


def test_result_set_metadata_types_precision_and_scale(df, pg):
    columns = no_error(df["result_metadata"])
    assert columns == pg["result_metadata"]
    assert [(c["type_name"], c["precision"], c["scale"]) for c in columns] == [
        ("int8", 19, 0), ("int4", 10, 0), ("numeric", 15, 2), ("date", 13, 0), ("text", 2147483647, 0)]


def test_result_set_metadata_of_type_modifiers(df, pg):
    columns = no_error(df["typmod_metadata"])
    assert columns == pg["typmod_metadata"]
    assert [(c["type_name"], c["precision"], c["scale"]) for c in columns] == [
        ("varchar", 10, 0), ("bpchar", 3, 0), ("numeric", 10, 1), ("numeric", 0, 0), ("timestamp", 26, 3),
        ("bpchar", 1, 0)]
    assert columns[1]["value"] == "N  "  # char(3) is padded


def test_missing_table_is_sqlstate_42P01_and_the_connection_goes_on(df, pg):
    error = no_error(df["missing_table"])
    assert error["sqlstate"] == pg["missing_table"]["sqlstate"] == "42P01"
    assert error["message"].startswith('ERROR: relation "no_such_table" does not exist')
    assert error["after"] == 42


def test_transaction_commit_rollback_and_aborted_block(df, pg):
    assert no_error(df["transaction"]) == pg["transaction"] == {
        "count": 25, "after_commit": 5, "error": "42P01", "aborted": "25P02", "after_rollback": 25}


def test_fetch_size_streams_lineitem_through_a_portal_in_bounded_memory(tapped, pg):
    df, tap = tapped
    stream = no_error(df["streaming"])
    assert stream["rows"] == pg["streaming"]["rows"] == 600572
    assert stream["sum_quantity"] == pg["streaming"]["sum_quantity"]
    assert stream["max_heap_mb"] <= 64  # the whole result would not fit in this heap
    # pgjdbc fetched 1000 rows per Execute of its named portal, resumed after PortalSuspended.
    fetches = [name for name, limit in tap.executes() if limit == 1000]
    assert len(fetches) == 601 and len(set(fetches)) == 1 and fetches[0].startswith("C_")
