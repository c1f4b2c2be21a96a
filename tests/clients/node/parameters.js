// node-postgres against one server: runs the parameter cases of tests/clients/test_node_postgres.py
// and prints one JSON object, case name -> {fields, rows} or {error: SQLSTATE}.
//
//   node parameters.js postgresql://user@127.0.0.1:PORT/db
//
// node-postgres sends every parameter as text with no type (OID 0) and lets the server
// type it: JS arrays go as '{"a","b"}', Dates as local time with an offset, null as NULL.
// pg-cursor reads a portal in chunks (Execute with a row limit, PortalSuspended).
"use strict";

const { Client } = require("pg");
const Cursor = require("pg-cursor");

const CASES = {
  "any of a JS array": ["select n_name from nation where n_name = ANY($1) order by 1", [["FRANCE", "PERU"]]],
  "any of a JS array of numbers": ["select n_nationkey from nation where n_nationkey = ANY($1) order by 1", [[3, 1, 2]]],
  "typed array cast": ["select n_nationkey from nation where n_nationkey = ANY($1::int8[]) order by 1", [[4, 5]]],
  "all of a JS array": ["select count(*)::int as n from nation where n_name <> ALL($1)", [["FRANCE", "PERU", "NOWHERE"]]],
  "array with NULL and quotes": ["select $1::text[] as a", [["a,b", 'q"uote', null, "back\\slash", ""]]],
  "numbers": ["select $1::int4 + 1 as a, $2::float8 * 2 as b, $3::numeric(10,2) as c, $4::int8 as d",
              [41, 1.25, "12.5", "9007199254740993"]],
  "untyped numbers": ["select count(*)::int as n from nation where n_nationkey > $1 and n_regionkey < $2", [20, 3]],
  "a fraction for an int8": ["select count(*) from nation where n_regionkey < $1", [3.5]],
  "arithmetic with an untyped number": ["select $1 + 1 as a, $2 * 2.5 as b", [41, 3]],
  "dates": ["select count(*)::int as n from orders where o_orderdate between $1 and $2",
            [new Date(Date.UTC(1995, 0, 1)), new Date(Date.UTC(1995, 0, 31))]],
  "date strings": ["select o_orderdate, o_orderdate + 1 as next from orders where o_orderkey = $1", ["1"]],
  "timestamps": ["select $1::timestamptz as t, $2::timestamp as u", [new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 250)),
                                                                        "2024-02-29 12:30:15.25"]],
  "nulls": ["select $1::text is null as a, coalesce($2::int, 7) as b, $3::date as c", [null, null, null]],
  "null compared": ["select count(*)::int as n from nation where n_regionkey = $1", [null]],
  "no space after the comma": ["select n_name from nation where n_nationkey in ($1,$2) order by 1", [1, 2]],
  "text concatenation": ["select $1::text || 'x' as s, $2 || $3 as t", ["a", "b", "c"]],
  "like": ["select count(*)::int as n from part where p_name like $1", ["%green%"]],
  "limit": ["select n_nationkey from nation order by 1 limit $1 offset $2", [3, 2]],
  "long in list": ["select count(*)::int as n from lineitem where l_orderkey in (" +
                   Array.from({ length: 200 }, (_, i) => `$${i + 1}`).join(",") + ")",
                   Array.from({ length: 200 }, (_, i) => i * 3 + 1)],
  "wrong type": ["select count(*) from nation where n_nationkey = $1", ["not a number"]],
};

function plain(value) {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

async function runCase(client, sql, params) {
  try {
    const result = await client.query(sql, params);
    return { fields: result.fields.map((f) => [f.name, f.dataTypeID]),
             rows: result.rows.map((r) => Object.values(r).map(plain)) };
  } catch (error) {
    return { error: error.code || String(error) };
  }
}

function read(cursor, count) {
  return new Promise((resolve, reject) => cursor.read(count, (err, rows) => (err ? reject(err) : resolve(rows))));
}

async function cursorCase(client) {
  // pg-cursor: a large result in chunks of 5,000 rows, with a parameter.
  const cursor = client.query(new Cursor(
    "select l_orderkey, l_linenumber, l_shipdate from lineitem where l_quantity > $1 order by 1, 2", [10]));
  let total = 0, chunks = 0, first = null, last = null;
  for (;;) {
    const rows = await read(cursor, 5000);
    if (rows.length === 0) break;
    chunks += 1;
    total += rows.length;
    first = first || Object.values(rows[0]).map(plain);
    last = Object.values(rows[rows.length - 1]).map(plain);
  }
  await new Promise((resolve) => cursor.close(resolve));
  return { total, chunks, first, last };
}

async function main() {
  const client = new Client({ connectionString: process.argv[2] });
  await client.connect();
  const out = {};
  for (const [name, [sql, params]] of Object.entries(CASES)) {
    out[name] = await runCase(client, sql, params);
  }
  out["pg-cursor in chunks"] = await cursorCase(client);
  await client.end();
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
