"""Run a query file on duckflight and on PostgreSQL 15 and print every difference.

    .venv/bin/python tests/clients/differential/check.py                # the known differences
    .venv/bin/python tests/clients/differential/check.py --move         # ... and move the fixed ones
    .venv/bin/python tests/clients/differential/check.py corpus.sql     # or any query file

For the known-differences file it also says which entries now get PostgreSQL's answer;
with ``--move`` it moves them into corpus.sql. The servers are the differential test's
(differential_support.py); the test itself is tests/clients/test_differential.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent.parent / "integration"), str(HERE.parent.parent)]

from differential_support import (CORPUS, KNOWN, answer, differences, ordered, read_entries,  # noqa: E402
                                  read_known, servers)


def main(argv: list[str]) -> int:
    from duckflight.gateway.demo import ensure_tpch

    move = "--move" in argv
    argv = [a for a in argv if a != "--move"]
    path = (HERE / argv[0]) if argv and not Path(argv[0]).exists() else Path(argv[0]) if argv else KNOWN
    known = path.suffix == ".txt"
    entries = [(area, e) for area, e in read_known(path)] if known else [("", e) for e in read_entries(path)]
    tpch = ensure_tpch(0.01, root=HERE.parent.parent.parent / ".pytest_data")
    differing, fixed = 0, []
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
                fixed.append(entry)
    if move and fixed:
        _move(path, fixed)
    print(f"{differing} of {len(entries)} entries differ")
    return 0


def _move(path: Path, fixed: list) -> None:
    """Take the fixed entries out of the known-differences file and add them to the corpus."""
    lines = set(e.line for e in fixed)
    kept = [line for number, line in enumerate(path.read_text().splitlines(), 1) if number not in lines]
    path.write_text("\n".join(kept) + "\n")
    with open(CORPUS, "a") as f:
        for entry in fixed:
            f.write(f"\n-- {entry.comment}\n" + "".join(s + ";\n" for s in entry.setup) + f"{entry.sql};\n")
    print(f"moved {len(fixed)} entries into {CORPUS.name}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
