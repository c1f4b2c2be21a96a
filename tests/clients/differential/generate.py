"""Grow tests/clients/differential/generated.sql with random queries from sqlsmith.

    .venv/bin/python tests/clients/differential/generate.py --seeds 1-5 --add 100

sqlsmith (Debian package ``sqlsmith``) reads the catalog of the PostgreSQL referee that
holds the differential test's tables (differential_support.referee) and prints random
queries (``--dry-run``). Each is made deterministic or dropped (``deterministic``): no
TABLESAMPLE, no volatile or system functions, no types outside the ordinary ones, no
window function whose value depends on the order of peers, and every LIMIT/OFFSET gets
an ORDER BY on all its output columns. The rest runs on PostgreSQL (statement_timeout)
and on an in-process duckflight cluster; a query is kept when both answer within
``--max-seconds`` with at most ``--max-rows`` rows and PostgreSQL has no error.
Queries whose answers are the same are appended to generated.sql; the others are
printed with both answers, and written with ``--differing FILE`` in the query-file
format, to fix or to classify into known_differences.txt.

Nothing here runs at test time: the test reads the committed file.
"""

from __future__ import annotations

import argparse
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import sqlglot
from sqlglot import exp

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent.parent / "integration"), str(HERE.parent.parent)]

from differential_support import GENERATED, Entry, answer, differences, ordered, read_entries, servers  # noqa: E402

# Types a generated query may name: the ones the tables have and their plain relatives.
TYPES = {"int", "integer", "bigint", "smallint", "int2", "int4", "int8", "text", "varchar", "character varying",
         "numeric", "decimal", "double precision", "float8", "real", "float4", "boolean", "bool", "date",
         "timestamp", "timestamptz", "char", "bpchar", "character"}
# Functions whose value does not depend on the order rows arrive in, nor on the session.
# avg, variance and stddev are left out: they belong to "numeric exactness", whose
# differences the hand-written corpus already shows (known_differences.txt); sqlsmith puts
# them in most queries, which would then show nothing else.
AGGREGATES = {"min", "max", "sum", "count", "bool_and", "bool_or", "every"}
FUNCTIONS = AGGREGATES | {"abs", "upper", "lower", "length", "char_length", "substr", "btrim", "ltrim", "rtrim",
                          "lpad", "rpad", "replace", "strpos", "concat", "concat_ws", "left", "right", "reverse",
                          "initcap", "split_part", "repeat", "md5", "ascii", "chr", "round", "trunc", "ceil",
                          "floor", "sign", "mod", "sqrt", "power", "exp", "ln", "log", "greatest", "least",
                          "int2", "int4", "int8", "float4", "float8", "numeric", "text", "date", "bpchar"}
# sqlglot nodes that are functions to it but plain SQL to us.
SQL_NODES = (exp.Cast, exp.TryCast, exp.Case, exp.If, exp.Coalesce, exp.Nullif, exp.Exists, exp.Connector,
             exp.Not, exp.Paren)
MAX_LENGTH = 1200


def deterministic(sql: str) -> str | None:
    """The query, rewritten so that its answer is a function of the tables, or None."""
    if len(sql) > MAX_LENGTH:
        return None
    try:
        tree = sqlglot.parse_one(sql.replace("pg_catalog.", ""), read="postgres")
    except sqlglot.errors.SqlglotError:
        return None
    if not isinstance(tree, exp.Query):  # sqlsmith writes too: MERGE, INSERT, UPDATE, DELETE
        return None
    for sample in list(tree.find_all(exp.TableSample)):
        sample.pop()
    for node in tree.walk():
        if not _allowed(node):
            return None
    for select in list(tree.find_all(exp.Select)):
        if (select.args.get("limit") or select.args.get("offset")) and not select.args.get("order"):
            select.set("order", exp.Order(expressions=[exp.Ordered(this=exp.Literal.number(i), nulls_first=False)
                                                       for i in range(1, len(select.expressions) + 1)]))
    text = tree.sql(dialect="postgres")
    return text if "\n\n" not in text and ";" not in text else None


def _allowed(node: exp.Expression) -> bool:
    if isinstance(node, exp.DataType):
        return re.sub(r"\(.*", "", node.sql("postgres").lower()).strip('"') in TYPES
    if isinstance(node, exp.Window):
        return node.args.get("spec") is None and _name(node.this) in AGGREGATES
    if isinstance(node, exp.Star) and not isinstance(node.parent, exp.Count):
        return False  # a table's columns, in an order sqlsmith did not see
    if isinstance(node, exp.Func) and not isinstance(node, SQL_NODES):
        return _name(node) in FUNCTIONS
    return True


def _name(node: exp.Expression) -> str:
    if isinstance(node, exp.Anonymous):
        return node.name.lower()
    return node.sql_name().lower() if isinstance(node, exp.Func) else ""


def describe(sql: str, origin: str) -> str:
    """A comment for a generated query: where it came from, the tables and functions it uses."""
    tree = sqlglot.parse_one(sql, read="postgres")
    tables = sorted({t.name for t in tree.find_all(exp.Table)})
    functions = sorted({_name(f) for f in tree.find_all(exp.Func) if not isinstance(f, SQL_NODES)} - {""})
    parts = [origin, "tables " + ", ".join(tables) if tables else "no tables"]
    if functions:
        parts.append("uses " + ", ".join(functions))
    return "; ".join(parts)


def sqlsmith(pg_url: str, seed: int, count: int) -> list[str]:
    """``count`` queries sqlsmith generates from the referee's catalog with this seed."""
    parts = psycopg.conninfo.conninfo_to_dict(pg_url)
    target = f"host={parts['host']} port={parts['port']} dbname={parts['dbname']} user={parts['user']}"
    proc = subprocess.run(["sqlsmith", f"--target={target}", "--exclude-catalog", "--dry-run",
                           f"--max-queries={count}", f"--seed={seed}"],
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    return [q.strip() for q in proc.stdout.split(";\n") if q.strip()]


def timed(conn: psycopg.Connection, entry: Entry, seconds: float):
    """The answer to ``entry`` and its time, cancelled after ``seconds``."""
    timer = threading.Timer(seconds, conn.cancel_safe)
    start = time.monotonic()
    timer.start()
    try:
        return answer(conn, entry), time.monotonic() - start
    finally:
        timer.cancel()


def write_entry(path: Path | None, entry: Entry) -> None:
    if path is not None:
        with open(path, "a") as f:
            f.write(f"\n-- {entry.comment}\n{entry.sql};\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="1-3", help="sqlsmith seeds, as FIRST-LAST (default 1-3)")
    parser.add_argument("--per-seed", type=int, default=3000, help="queries generated per seed (default 3000)")
    parser.add_argument("--add", type=int, default=100, help="stop after adding this many queries (default 100)")
    parser.add_argument("--max-rows", type=int, default=500)
    parser.add_argument("--max-seconds", type=float, default=0.5)
    parser.add_argument("--differing", type=Path, help="also write queries whose answers differ to this file")
    parser.add_argument("--out", type=Path, default=GENERATED)
    args = parser.parse_args(argv)
    first, _, last = args.seeds.partition("-")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers on the way out

    from duckflight.gateway.demo import ensure_tpch

    tpch = ensure_tpch(0.01, root=HERE.parent.parent.parent / ".pytest_data")
    seen = {" ".join(e.sql.split()) for e in read_entries(args.out)} if args.out.exists() else set()
    added, differing = [], []
    with tempfile.TemporaryDirectory() as tmp, servers(Path(tmp), tpch) as (dsn, pg_url):
        with psycopg.connect(pg_url, autocommit=True) as pg, psycopg.connect(dsn, autocommit=True) as ours:
            pg.execute(f"set statement_timeout = {int(args.max_seconds * 1000)}")
            started = time.monotonic()
            for seed in range(int(first), int(last or first) + 1):
                for number, raw in enumerate(sqlsmith(pg_url, seed, args.per_seed)):
                    sql = deterministic(raw)
                    if sql is None or " ".join(sql.split()) in seen:
                        continue
                    seen.add(" ".join(sql.split()))
                    entry = Entry(describe(sql, f"sqlsmith seed {seed} query {number}"), [], sql, 0)
                    theirs, pg_time = timed(pg, entry, args.max_seconds * 2)
                    if theirs.sqlstate or len(theirs.text) > args.max_rows or pg_time > args.max_seconds:
                        continue
                    mine, our_time = timed(ours, entry, 10)
                    if our_time > args.max_seconds:
                        continue
                    found = differences(mine, theirs, ordered(sql))
                    write_entry(args.differing if found else args.out, entry)
                    if found:
                        differing.append(entry)
                        print(f"=== {entry.comment}: {', '.join(found)}\n{sql}\n  ours:   {mine.show()}\n"
                              f"  theirs: {theirs.show()}", flush=True)
                    else:
                        added.append(entry)
                    if len(added) >= args.add:
                        break
                print(f"seed {seed}: {len(added)} added, {len(differing)} differ, "
                      f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
                if len(added) >= args.add:
                    break
    print(f"added {len(added)} queries to {args.out}; {len(differing)} differ", file=sys.stderr)


if __name__ == "__main__":
    main()
