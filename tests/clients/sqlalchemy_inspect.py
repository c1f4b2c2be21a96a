"""Every SQLAlchemy Inspector method, called on one database; prints the answers as JSON.

Run as a script by test_sqlalchemy_inspector.py, under the SQLAlchemy of the Python
that runs it (2.x in the project's venv, 1.4 in a venv of its own: the two cannot
share one), with the driver that SQLAlchemy's PostgreSQL dialect defaults to there:

    python sqlalchemy_inspect.py postgresql://user@host:port/db

Each answer is the method's value, or the exception class it raised (NotImplementedError
where the dialect has no such method), so that two servers can be compared call by call.
"""

from __future__ import annotations

import json
import sys

import sqlalchemy

TABLES = [(None, "orders"), (None, "events"), ("duckflight", "workers")]


def normal(value):
    """The answer as JSON: mappings sorted by key, SQLAlchemy types as their text."""
    if isinstance(value, dict):
        return {str(k): normal(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [normal(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def calls(inspector) -> dict:
    """Method name (with its arguments) -> a function making the call."""
    found = {}
    for name in ("get_schema_names", "get_sequence_names", "get_temp_table_names", "get_temp_view_names",
                 "get_materialized_view_names", "get_foreign_table_names", "get_enums",
                 "get_sorted_table_and_fkc_names"):
        found[name] = (name, (), {})
    for schema in (None, "duckflight"):
        for name in ("get_table_names", "get_view_names"):
            found[f"{name}({schema})"] = (name, (), {"schema": schema})
    for name in ("has_schema", "has_sequence"):
        found[f"{name}(duckflight)"] = (name, ("duckflight",), {})
    for schema, table in TABLES:
        for name in ("get_columns", "get_pk_constraint", "get_foreign_keys", "get_indexes", "get_unique_constraints",
                     "get_check_constraints", "get_table_comment", "get_table_options", "has_table"):
            found[f"{name}({schema}.{table})"] = (name, (table,), {"schema": schema})
        found[f"has_index({schema}.{table})"] = ("has_index", (table, "nope"), {"schema": schema})
    found["has_table(nope)"] = ("has_table", ("nope",), {})
    found["get_view_definition(duckflight.workers)"] = ("get_view_definition", ("workers",), {"schema": "duckflight"})
    for name in ("get_multi_columns", "get_multi_pk_constraint", "get_multi_foreign_keys", "get_multi_indexes",
                 "get_multi_unique_constraints", "get_multi_check_constraints", "get_multi_table_comment",
                 "get_multi_table_options"):
        for schema in (None, "duckflight"):
            found[f"{name}({schema})"] = (name, (), {"schema": schema})
    return found


def main(url: str) -> None:
    engine = sqlalchemy.create_engine(url)
    answers = {"sqlalchemy": sqlalchemy.__version__.split(".")[0] + "." + sqlalchemy.__version__.split(".")[1]}
    try:
        inspector = sqlalchemy.inspect(engine)
        for key, (name, args, kwargs) in calls(inspector).items():
            method = getattr(inspector, name, None)
            if method is None:
                answers[key] = "no such method"
                continue
            try:
                value = method(*args, **kwargs)
                # get_multi_* and get_*_names answer in the order of a query without ORDER BY: sorted here
                if name.startswith("get_multi_"):
                    value = sorted(value.items(), key=str)
                elif name.endswith("_names") and name != "get_sorted_table_and_fkc_names":
                    value = sorted(value)
                answers[key] = normal(value)
            except Exception as exc:  # the same failure on both servers is the same answer
                answers[key] = f"raises {type(exc).__name__}"
                if not isinstance(exc, NotImplementedError):
                    answers[key] += f": {str(exc).splitlines()[0] if str(exc) else ''}"
    finally:
        engine.dispose()
    print(json.dumps(answers, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
