"""PostgreSQL's catalog functions, as DuckDB macros of the catalog image.

DuckDB has its own ``format_type``, ``pg_get_userbyid`` ... over its own
catalog and its own OIDs; these read the image instead. ``system_functions``
qualifies every call of a name in ``MACROS`` with the image's schema, so the
gateway's DuckDB keeps its built-ins for everything else. Functions whose value
is the session's (current_user, current_setting, ...) are not here: the rule
``session_functions`` replaces them with constants.
"""

from __future__ import annotations

from duckflight.gateway.system.generated.builtin_keywords import KEYWORDS

PG = "catalog_image.pg"  # where the pg_catalog relations of the image live
INTERNAL = "catalog_image.internal"  # image tables no client can name


def quote_ident_sql(value: str) -> str:
    """DuckDB SQL of PostgreSQL's quote_ident(value) (quote_identifier in ruleutils.c): as it is
    when it starts with a-z or _, has only a-z, 0-9 and _, and is no keyword of PostgreSQL's
    other than an unreserved one; else in double quotes, with its double quotes doubled. It
    names no image table, so it runs on workers too (format's %I)."""
    reserved = ", ".join(f"'{row[0]}'" for row in KEYWORDS if row[1] != "U")
    return (f"CASE WHEN regexp_full_match({value}, '[a-z_][a-z0-9_]*') AND NOT list_contains([{reserved}], {value}) "
            f"THEN {value} ELSE '\"' || replace({value}, '\"', '\"\"') || '\"' END")


# A lookup by key through an uncorrelated subquery: a correlated one would let the
# argument's column names bind inside the macro (``pg_table_is_visible(oid)``).
def lookup(key: str, value: str, source: str, arg: str) -> str:
    return f"(SELECT map(list({key}), list({value})) FROM {source})[{arg}]"


def definition(table: str, arg: str, pretty: str) -> str:
    """Plain or pretty text by OID; ``pretty`` is a boolean, or pg_get_viewdef's wrap column: pretty
    as for 0 (a line per output column), whatever the column (approximation, see decisions.md)."""
    text = f"CASE WHEN CAST({pretty} AS VARCHAR) = 'false' THEN plain ELSE pretty END"
    return f"CASE WHEN {pretty} IS NOT NULL THEN {lookup('oid', text, f'{INTERNAL}.{table}', arg)} END"


# A possibly qualified name as PostgreSQL reads it (stringToQualifiedNameList): unquoted parts
# fold to lower case, quoted ones keep their case; the parts joined by dots (relation_names' keys).
NAME_PARTS = ("array_to_string(list_transform(regexp_extract_all({}, '\"(?:[^\"]|\"\")*\"|[^.\"]+'), "
              "p -> CASE WHEN p[1] = '\"' THEN replace(p[2:-2], '\"\"', '\"') ELSE lower(p) END), '.')")
ON_PATH = "{} IN (SELECT oid FROM %s.pg_namespace WHERE list_contains(path, nspname))" % PG


def role(arg: str) -> str:
    """A role given by name or by OID, as its OID."""
    return f"coalesce({lookup('rolname', 'oid', f'{PG}.pg_authid', f'CAST({arg} AS VARCHAR)')}, TRY_CAST({arg} AS BIGINT))"


TYPE = lookup("oid", "{'name': name, 'base': base, 'suffix': suffix}", f"{INTERNAL}.type_names", "t")
# name -> macro body (parameters and expression, as after CREATE MACRO name).
MACROS = {
    "pg_get_userbyid": f"(r) AS coalesce({lookup('oid', 'rolname', f'{PG}.pg_authid', 'r')}, 'unknown (OID=' || r || ')')",
    "format_type": f"""(t, m) AS CASE
        WHEN t IS NULL THEN NULL
        WHEN {TYPE} IS NULL THEN '???'
        WHEN m IS NULL OR m < 0 THEN {TYPE}.name
        WHEN {TYPE}.base = 1700 AND m >= 4 THEN {TYPE}.name || '(' || ((m - 4) >> 16) || ',' || ((m - 4) & 65535) || ')'
        WHEN {TYPE}.base IN (1042, 1043) AND m >= 4 THEN {TYPE}.name || '(' || (m - 4) || ')'
        WHEN {TYPE}.base IN (1083, 1114, 1184, 1266) THEN split_part({TYPE}.name, ' ', 1) || '(' || m || ') '
             || substr({TYPE}.name, strpos({TYPE}.name, ' ') + 1)
        ELSE {TYPE}.name END || {TYPE}.suffix""",
    "pg_get_expr": "(e, r) AS e, (e, r, p) AS e",
    # The second argument, the search path, is added by the rule session_functions.
    "pg_table_is_visible": f"(r, path) AS r IN (SELECT oid FROM {PG}.pg_class WHERE {ON_PATH.format('relnamespace')})",
    "pg_type_is_visible": f"(t, path) AS t IN (SELECT oid FROM {PG}.pg_type WHERE {ON_PATH.format('typnamespace')})",
    "pg_function_is_visible": f"(f, path) AS f IN (SELECT oid FROM {PG}.pg_proc WHERE {ON_PATH.format('pronamespace')})",
    "pg_collation_is_visible": f"(c, path) AS c IN (SELECT oid FROM {PG}.pg_collation WHERE {ON_PATH.format('collnamespace')})",
    "pg_encoding_to_char": "(e) AS CASE e WHEN 6 THEN 'UTF8' WHEN 0 THEN 'SQL_ASCII' ELSE '' END",
    "pg_char_to_encoding": "(e) AS CASE upper(e) WHEN 'UTF8' THEN 6 WHEN 'SQL_ASCII' THEN 0 ELSE -1 END",
    "obj_description": f"""(o) AS {lookup('objoid', 'description', f'{PG}.pg_description WHERE objsubid = 0', 'o')},
        (o, c) AS {lookup('objoid', 'description', f'{PG}.pg_description WHERE objsubid = 0', 'o')}""",
    "col_description": f"(o, n) AS {lookup(chr(91) + 'objoid, objsubid' + chr(93), 'description', f'{PG}.pg_description', '[o, n]')}",
    "shobj_description": f"(o, c) AS {lookup('objoid', 'description', f'{PG}.pg_shdescription', 'o')}",
    "pg_table_size": f"(r) AS {lookup('oid', 'bytes', f'{INTERNAL}.relation_sizes', 'r')}",
    "pg_relation_size": f"(r) AS {lookup('oid', 'bytes', f'{INTERNAL}.relation_sizes', 'r')}, (r, f) AS 0",
    "pg_total_relation_size": f"(r) AS {lookup('oid', 'bytes', f'{INTERNAL}.relation_sizes', 'r')}",
    "pg_indexes_size": "(r) AS 0::BIGINT",
    # PostgreSQL's rounding: keep one extra bit, then halve rounding up (its half_rounded).
    "pg_size_pretty": """(b) AS CASE
        WHEN abs(b) < 10240 THEN b || ' bytes'
        WHEN abs(b >> 9) < 20479 THEN ((b >> 9) + 1) >> 1 || ' kB'
        WHEN abs(b >> 19) < 20479 THEN ((b >> 19) + 1) >> 1 || ' MB'
        WHEN abs(b >> 29) < 20479 THEN ((b >> 29) + 1) >> 1 || ' GB'
        ELSE ((b >> 39) + 1) >> 1 || ' TB' END""",
    "pg_get_function_result": f"(f) AS {lookup('oid', 'result', f'{INTERNAL}.function_definitions', 'f')}",
    "pg_get_function_arguments": f"(f) AS {lookup('oid', 'arguments', f'{INTERNAL}.function_definitions', 'f')}",
    "pg_get_function_identity_arguments":
        f"(f) AS {lookup('oid', 'identity', f'{INTERNAL}.function_definitions', 'f')}",
    # The text of what exists (definitions.py); NULL, as in PostgreSQL, for any other OID.
    # There are no indexes, constraints or triggers: those are always NULL.
    "pg_get_functiondef": f"(f) AS {lookup('oid', 'text', f'{INTERNAL}.function_definitions', 'f')}",
    "pg_get_function_sqlbody": "(f) AS NULL::VARCHAR",  # only BEGIN ATOMIC bodies have one: none here
    "pg_get_indexdef": "(i) AS NULL::VARCHAR, (i, c, p) AS NULL::VARCHAR",
    "pg_get_constraintdef": "(c) AS NULL::VARCHAR, (c, p) AS NULL::VARCHAR",
    "pg_get_viewdef": f"(v) AS {definition('view_definitions', 'v', 'false')}, "
                      f"(v, p) AS {definition('view_definitions', 'v', 'p')}",
    "pg_get_triggerdef": "(t) AS NULL::VARCHAR, (t, p) AS NULL::VARCHAR",
    "pg_get_ruledef": f"(r) AS {definition('rule_definitions', 'r', 'false')}, "
                      f"(r, p) AS {definition('rule_definitions', 'r', 'p')}",
    "pg_get_partkeydef": "(r) AS NULL::VARCHAR",
    "pg_get_serial_sequence": "(t, c) AS NULL::VARCHAR",
    "pg_get_statisticsobjdef_columns": "(o) AS NULL::VARCHAR",
    "pg_relation_is_publishable": "(r) AS false",
    "pg_tablespace_location": "(t) AS ''",
    "pg_is_in_recovery": "() AS false",
    "pg_my_temp_schema": "() AS 0::BIGINT",
    "pg_is_other_temp_schema": "(n) AS false",
    "pg_postmaster_start_time": "() AS NULL::TIMESTAMPTZ",
    "array_remove": "(a, e) AS list_filter(a, x -> x IS DISTINCT FROM e)",  # psql's \\sv calls it
    "array_upper": "(a, d) AS CASE WHEN d = 1 AND len(a) > 0 THEN len(a) END",
    "array_lower": "(a, d) AS CASE WHEN d = 1 AND len(a) > 0 THEN 1 END",
    "quote_ident": f"(s) AS {quote_ident_sql('s')}",
    "to_regclass": f"(n) AS {lookup('name', 'oid', f'{INTERNAL}.relation_names', NAME_PARTS.format('n'))}",
    "to_regtype": f"(n) AS {lookup('key', 'oid', f'{INTERNAL}.type_keys', 'n')}",
    "to_regnamespace": f"(n) AS {lookup('nspname', 'oid', f'{PG}.pg_namespace', 'n')}",
    "to_regrole": f"(n) AS {lookup('rolname', 'oid', f'{PG}.pg_authid', 'n')}",
    # OID 0 (InvalidOid, e.g. pg_type.typelem of a non-array) prints as '-' in every reg* type.
    "regclass_name": f"(o) AS CASE WHEN o = 0 THEN '-' ELSE coalesce({lookup('oid', 'shown', f'{INTERNAL}.relation_names WHERE shown IS NOT NULL', 'o')}, CAST(o AS VARCHAR)) END",
    "regtype_name": f"(t) AS CASE WHEN t = 0 THEN '-' ELSE coalesce({TYPE}.name || {TYPE}.suffix, CAST(t AS VARCHAR)) END",
    "regnamespace_name": f"(o) AS CASE WHEN o = 0 THEN '-' ELSE coalesce({lookup('oid', 'nspname', f'{PG}.pg_namespace', 'o')}, CAST(o AS VARCHAR)) END",
    "regrole_name": f"(o) AS CASE WHEN o = 0 THEN '-' ELSE coalesce({lookup('oid', 'rolname', f'{PG}.pg_authid', 'o')}, CAST(o AS VARCHAR)) END",
    "has_table_privilege": "(t, p) AS catalog_image.pg.privilege(p), (u, t, p) AS catalog_image.pg.privilege(p)",
    "has_schema_privilege": "(s, p) AS catalog_image.pg.privilege(p), (u, s, p) AS catalog_image.pg.privilege(p)",
    "has_database_privilege": "(d, p) AS catalog_image.pg.privilege(p), (u, d, p) AS catalog_image.pg.privilege(p)",
    "has_column_privilege": "(t, c, p) AS catalog_image.pg.privilege(p), (u, t, c, p) AS catalog_image.pg.privilege(p)",
    "has_any_column_privilege": "(t, p) AS catalog_image.pg.privilege(p), (u, t, p) AS catalog_image.pg.privilege(p)",
    "has_function_privilege": "(f, p) AS catalog_image.pg.privilege(p), (u, f, p) AS catalog_image.pg.privilege(p)",
    "has_sequence_privilege": "(s, p) AS catalog_image.pg.privilege(p), (u, s, p) AS catalog_image.pg.privilege(p)",
    # information_schema._pg_expandarray: one row (x, n) per element, as pgjdbc's getPrimaryKeys reads it.
    "_pg_expandarray": "(a) AS unnest(list_transform(range(len(a)), i -> {'x': a[i + 1], 'n': i + 1}))",
    # A superuser has every role's privileges, any other role its own (PostgreSQL's has_privs_of_role;
    # there are no memberships). The session_functions rule gives pg_has_role(r, p) the current user.
    "pg_has_role": f"(u, r, p) AS coalesce({role('u')} = {role('r')}, false) "
                   f"OR coalesce({lookup('oid', 'rolsuper', f'{PG}.pg_authid', role('u'))}, false)",
    # The type a value is sent as (pg_types.type_oids), printed as regtype prints it.
    "pg_typeof": f"""(x) AS {PG}.regtype_name(CASE WHEN typeof(x) LIKE 'DECIMAL(%)[]' THEN 1231 WHEN typeof(x) LIKE 'DECIMAL(%)' THEN 1700
        ELSE coalesce({lookup('duckdb', 'oid', f'{INTERNAL}.type_oids', 'typeof(x)')}, 25) END)""",
}

# Privileges of a read-only database: reading, yes; changing anything, no.
PRIVILEGE = """(p) AS list_bool_and(list_transform(string_split(upper(p), ','),
    x -> split_part(trim(x), ' ', 1) IN ('SELECT', 'USAGE', 'CONNECT', 'EXECUTE', 'REFERENCES')))"""

# Table macros: FROM pg_get_keywords() and friends.
TABLE_MACROS = {
    "pg_get_keywords": f"() AS TABLE SELECT word, catcode, barelabel, catdesc, baredesc FROM {INTERNAL}.keywords",
}

# Arrays of OIDs printed as names, element by element (``'{23,25}'::oid[]::regtype[]``). Not a
# lambda over the element macro: DuckDB refuses the subqueries of its lookups inside a lambda.
ARRAY_NAMES = {f"{alias}_names": f"{alias}_name" for alias in ("regclass", "regtype", "regnamespace", "regrole")}
MACROS.update({many: f"""(a) AS CASE WHEN a IS NOT NULL THEN coalesce((SELECT list({PG}.{one}(u.o) ORDER BY u.i)
        FROM (SELECT unnest(a) AS o, unnest(range(1, len(a) + 1)) AS i) AS u), []::VARCHAR[]) END"""
               for many, one in ARRAY_NAMES.items()})
# A function by name, bare or schema-qualified (regproc), or with its argument types (regprocedure).
FUNCTION_NAMES = f"""SELECT p.proname AS name, p.oid FROM {PG}.pg_proc p UNION ALL
    SELECT n.nspname || '.' || p.proname, p.oid FROM {PG}.pg_proc p JOIN {PG}.pg_namespace n ON n.oid = p.pronamespace"""
SIGNATURES = f"""SELECT p.proname || '(' || array_to_string({PG}.regtype_names(p.proargtypes), ',') || ')' AS name,
    p.oid FROM {PG}.pg_proc p UNION ALL SELECT n.nspname || '.' || p.proname || '('
    || array_to_string({PG}.regtype_names(p.proargtypes), ',') || ')', p.oid
    FROM {PG}.pg_proc p JOIN {PG}.pg_namespace n ON n.oid = p.pronamespace"""
SIGNATURE_TEXT = r"regexp_replace(n, '\s*([(),])\s*', '\1', 'g')"
MACROS.update({
    # An overloaded name stands for its first function (PostgreSQL: "more than one function named").
    "to_regproc": f"(n) AS {lookup('name', 'oid', f'(SELECT name, min(oid) AS oid FROM ({FUNCTION_NAMES}) GROUP BY name)', 'n')}",
    # PostgreSQL reads 'f(a, b)' and 'f(a,b)' alike: spaces around parentheses and commas go
    "to_regprocedure": f"(n) AS {lookup('name', 'oid', f'(SELECT name, min(oid) AS oid FROM ({SIGNATURES}) GROUP BY name)', SIGNATURE_TEXT)}",
})

NAMES = set(MACROS) | set(TABLE_MACROS)


def create_statements() -> list[str]:
    """CREATE MACRO statements, in an order where each finds what it calls."""
    first = [f"CREATE MACRO {PG}.privilege{PRIVILEGE}"]
    rest = [f"CREATE MACRO {PG}.{name}{body}" for name, body in MACROS.items()]
    tables = [f"CREATE MACRO {PG}.{name}{body}" for name, body in TABLE_MACROS.items()]
    return first + rest + tables
