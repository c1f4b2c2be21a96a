"""Run a query file on duckflight and on PostgreSQL 15 and print every difference.

    .venv/bin/python tests/clients/differential/check.py                # the known differences
    .venv/bin/python tests/clients/differential/check.py corpus.sql     # or any query file

For the known-differences file it also says which entries now get PostgreSQL's answer,
ready to move into the corpus. The servers are the differential test's
(differential_support.py); the test itself is tests/clients/test_differential.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent.parent / "integration"), str(HERE.parent.parent)]

from differential_support import KNOWN, answer, differences, ordered, read_entries, read_known, servers  # noqa: E402


def main(argv: list[str]) -> int:
    from duckflight.gateway.demo import ensure_tpch

    path = (HERE / argv[0]) if argv and not Path(argv[0]).exists() else Path(argv[0]) if argv else KNOWN
    known = path.suffix == ".txt"
    entries = [(area, e) for area, e in read_known(path)] if known else [("", e) for e in read_entries(path)]
    tpch = ensure_tpch(0.01, root=HERE.parent.parent.parent / ".pytest_data")
    differing = 0
    with tempfile.TemporaryDirectory() as tmp, servers(Path(tmp), tpch) as (dsn, pg_url):
        for area, entry in entries:
            with psycopg.connect(dsn, autocommit=True) as a, psycopg.connect(pg_url, autocommit=True) as b:
                ours, theirs = answer(a, entry), answer(b, entry)
            found = differences(ours, theirs, ordered(entry.sql))
            label = f"{path.name}:{entry.line} {area + ': ' if area else ''}{entry.comment}"
            if found:
                differing += 1
                print(f"=== {label}: {', '.join(found)}\n{entry.sql}\n  duckflight: {ours.show()}\n"
                      f"  PostgreSQL: {theirs.show()}")
            elif known:
                print(f"=== {label}: now the same, move it into corpus.sql")
    print(f"{differing} of {len(entries)} entries differ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
