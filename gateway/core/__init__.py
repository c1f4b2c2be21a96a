"""The neutral core: what every layer shares and no layer owns.

The wire protocol (``pgwire``), the session, the planner, the system catalog, execution and
the workers all import from here and never from each other for these: ``sql_error``
(an error for the client, with PostgreSQL's SQLSTATE), ``params`` (a bound parameter),
``identifiers`` (quoting names and literals as PostgreSQL and DuckDB read them) and
``pg_types`` (PostgreSQL's type table: OIDs, names, modifiers, array types) and
``array_text`` (PostgreSQL's array input syntax).
"""
