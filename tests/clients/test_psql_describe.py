"""psql's describe commands against duckflight print what PostgreSQL 15 prints for the same tables.

psql sends its own catalog queries (``psql -E`` shows them); both servers get the
same command from the real psql and the output text is compared. Where the two
differ by design the column is blanked on both sides first: ``\\dt+``'s Access
method (a table is read by its file format: parquet, csv) and Size (its files'
bytes). ``\\l`` lists PostgreSQL's own databases too, so only the duckflight row
is compared.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from catalog_support import catalog_data, catalog_duckflight, catalog_pg  # noqa: F401

COMMANDS = [r"\d", r"\dt", r"\d orders", r"\d events", r"\dn", r"\df", r"\dv", r"\d duckflight.workers",
            r"\dt+", r"\dt public.*", r"\d nonexistent"]


def psql(url: str, command: str, *options: str) -> str:
    proc = subprocess.run(["psql", url, "-X", *options, "-c", command], capture_output=True, text=True, timeout=60)
    return proc.stdout + proc.stderr


def as_owner(url: str) -> str:
    return url.replace("tester@", "duckflight@")


def blank(text: str, columns: list[int]) -> str:
    """Blank the given columns of psql's unaligned (|-separated) output."""
    lines = []
    for line in text.splitlines():
        cells = line.split("|")
        for i in columns:
            if len(cells) > i:
                cells[i] = ""
        lines.append("|".join(cells))
    return "\n".join(lines)


@pytest.mark.parametrize("command", COMMANDS)
def test_describe(command, catalog_duckflight, catalog_pg):
    ours = psql(as_owner(catalog_duckflight), command)
    theirs = psql(catalog_pg, command)
    if command == r"\dt+":
        ours, theirs = (blank(psql(url, command, "-A"), [5, 6]) for url in (as_owner(catalog_duckflight), catalog_pg))
    assert ours == theirs


def test_list_databases(catalog_duckflight, catalog_pg):
    ours = psql(as_owner(catalog_duckflight), r"\l", "-A").splitlines()
    theirs = psql(catalog_pg, r"\l", "-A").splitlines()
    assert ours[:2] == theirs[:2]  # title and column names
    assert [l for l in ours if l.startswith("duckflight|")] == [l for l in theirs if l.startswith("duckflight|")]
    assert ours[-1] == "(1 row)"


def test_psql_echo_hidden_runs_without_error(catalog_duckflight):
    out = psql(as_owner(catalog_duckflight), r"\d orders", "-E")
    assert "ERROR" not in out and re.search(r"o_totalprice\s*\|\s*numeric\(15,2\)", out)
