"""The newest DuckDB release on PyPI as a speed referee, in a process of its own.

A user who does not pick duckflight picks plain DuckDB, and the newest one; our
own DuckDB is pinned (its extensions come as PyPI packages for that version).
``NewestDuckDB`` keeps a venv under ``.bench/`` with ``pip install --upgrade
duckdb`` and runs one Python process in it with a view per table folder, to
which queries are sent one at a time, so that a benchmark can alternate between
duckflight, our DuckDB and this one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

HOME = Path(__file__).resolve().parent.parent / ".bench" / "duckdb-newest"

# Reads {"sql": ...} lines, answers {"seconds": s, "rows": [...]} lines.
SERVER = r"""
import json, sys, time, duckdb
from pathlib import Path
root = Path(sys.argv[1])
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
for folder in sorted(p for p in root.iterdir() if p.is_dir()):
    files = (folder / "*.parquet").as_posix().replace("'", "''")
    con.execute(f"CREATE VIEW \"{folder.name}\" AS SELECT * FROM read_parquet('{files}')")
print(json.dumps({"version": duckdb.__version__}), flush=True)
for line in sys.stdin:
    sql = json.loads(line)["sql"]
    started = time.perf_counter()
    rows = con.execute(sql).fetchall()
    print(json.dumps({"seconds": time.perf_counter() - started, "rows": rows}, default=str), flush=True)
"""


def python() -> Path:
    """The venv's interpreter, with the newest duckdb installed (upgraded on each call)."""
    if not (HOME / "bin" / "python").exists():
        venv.create(HOME, with_pip=True)
    subprocess.run([str(HOME / "bin" / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "duckdb"],
                   check=True, stdout=sys.stderr)
    return HOME / "bin" / "python"


class NewestDuckDB:
    """One DuckDB process of the newest release over ``data``'s table folders."""

    def __init__(self, data: Path):
        self.proc = subprocess.Popen([str(python()), "-c", SERVER, str(data)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.version = json.loads(self.proc.stdout.readline())["version"]

    def run(self, sql: str) -> tuple[float, list[list]]:
        """(seconds inside DuckDB, rows as JSON values) of one query."""
        self.proc.stdin.write(json.dumps({"sql": sql}) + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError(f"DuckDB {self.version} ended on: {sql[:80]}")
        reply = json.loads(answer)
        return reply["seconds"], reply["rows"]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(30)
