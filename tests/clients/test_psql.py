"""psql (the real client, through subprocess) against the gateway: queries, \\copy,
ON_ERROR_STOP, and error reports with SQLSTATE under VERBOSITY verbose."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(shutil.which("psql") is None, reason="psql is not installed (tests/run installs it)")


def psql(dsn: str, script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["psql", dsn, "-X", "-q", *args], input=script, capture_output=True, text=True,
                          timeout=60, env={"PGCONNECT_TIMEOUT": "10", "PATH": "/usr/bin:/bin"})


def test_query_in_unaligned_output(dsn):
    run = psql(dsn, "select n_nationkey, n_name from nation where n_regionkey = 0 order by 1;\n", "-A", "-F", "|", "-t")
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["0|ALGERIA", "5|ETHIOPIA", "14|KENYA", "15|MOROCCO", "16|MOZAMBIQUE"]


def test_copy_to_a_csv_file_with_header(dsn, tmp_path):
    target = tmp_path / "nations.csv"
    run = psql(dsn, f"\\copy (select n_nationkey, n_name, n_comment from nation order by 1 limit 3) to '{target}' csv header\n")
    assert run.returncode == 0, run.stderr
    lines = target.read_text().splitlines()
    assert lines[0] == "n_nationkey,n_name,n_comment"
    assert [line.split(",")[:2] for line in lines[1:]] == [["0", "ALGERIA"], ["1", "ARGENTINA"], ["2", "BRAZIL"]]


def test_on_error_stop_and_verbose_error(dsn):
    script = "\\set ON_ERROR_STOP 1\n\\set VERBOSITY verbose\nselect 1 as one;\nselect * from nosuch;\nselect 2 as two;\n"
    run = psql(dsn, script, "-A", "-t")
    assert run.returncode == 3  # psql's code for a script stopped by an error
    assert run.stdout.split() == ["1"]
    assert 'ERROR:  42P01: relation "nosuch" does not exist' in run.stderr


def test_transaction_status_and_notice(dsn):
    run = psql(dsn, "commit;\nbegin;\nselect 1/0;\nselect 1;\nrollback;\nselect 'after' as x;\n", "-A", "-t")
    assert "WARNING:  there is no transaction in progress" in run.stderr
    assert "division by zero" in run.stderr
    assert "current transaction is aborted, commands ignored until end of transaction block" in run.stderr
    assert run.stdout.split() == ["after"]
