"""A TPC-H catalog at scale factor 1 without files: fixed schemas and row counts.

Plan snapshots must not depend on where data lives or how a generator cut it,
so tables here have four made-up files each (one for nation and region) and the
row counts of SF 1.
"""

from duckflight.gateway.catalog import Catalog, Table

TABLES = {
    'customer': (150000, 4, [('c_custkey', 'BIGINT'), ('c_name', 'VARCHAR'), ('c_address', 'VARCHAR'), ('c_nationkey', 'BIGINT'), ('c_phone', 'VARCHAR'), ('c_acctbal', 'DECIMAL(15,2)'), ('c_mktsegment', 'VARCHAR'), ('c_comment', 'VARCHAR')]),
    'lineitem': (6001215, 4, [('l_orderkey', 'BIGINT'), ('l_partkey', 'BIGINT'), ('l_suppkey', 'BIGINT'), ('l_linenumber', 'INTEGER'), ('l_quantity', 'DECIMAL(15,2)'), ('l_extendedprice', 'DECIMAL(15,2)'), ('l_discount', 'DECIMAL(15,2)'), ('l_tax', 'DECIMAL(15,2)'), ('l_returnflag', 'VARCHAR'), ('l_linestatus', 'VARCHAR'), ('l_shipdate', 'DATE'), ('l_commitdate', 'DATE'), ('l_receiptdate', 'DATE'), ('l_shipinstruct', 'VARCHAR'), ('l_shipmode', 'VARCHAR'), ('l_comment', 'VARCHAR')]),
    'nation': (25, 1, [('n_nationkey', 'BIGINT'), ('n_name', 'VARCHAR'), ('n_regionkey', 'BIGINT'), ('n_comment', 'VARCHAR')]),
    'orders': (1500000, 4, [('o_orderkey', 'BIGINT'), ('o_custkey', 'BIGINT'), ('o_orderstatus', 'VARCHAR'), ('o_totalprice', 'DECIMAL(15,2)'), ('o_orderdate', 'DATE'), ('o_orderpriority', 'VARCHAR'), ('o_clerk', 'VARCHAR'), ('o_shippriority', 'INTEGER'), ('o_comment', 'VARCHAR')]),
    'part': (200000, 4, [('p_partkey', 'BIGINT'), ('p_name', 'VARCHAR'), ('p_mfgr', 'VARCHAR'), ('p_brand', 'VARCHAR'), ('p_type', 'VARCHAR'), ('p_size', 'INTEGER'), ('p_container', 'VARCHAR'), ('p_retailprice', 'DECIMAL(15,2)'), ('p_comment', 'VARCHAR')]),
    'partsupp': (800000, 4, [('ps_partkey', 'BIGINT'), ('ps_suppkey', 'BIGINT'), ('ps_availqty', 'INTEGER'), ('ps_supplycost', 'DECIMAL(15,2)'), ('ps_comment', 'VARCHAR')]),
    'region': (5, 1, [('r_regionkey', 'BIGINT'), ('r_name', 'VARCHAR'), ('r_comment', 'VARCHAR')]),
    'supplier': (10000, 4, [('s_suppkey', 'BIGINT'), ('s_name', 'VARCHAR'), ('s_address', 'VARCHAR'), ('s_nationkey', 'BIGINT'), ('s_phone', 'VARCHAR'), ('s_acctbal', 'DECIMAL(15,2)'), ('s_comment', 'VARCHAR')]),
}


def tpch_catalog() -> Catalog:
    return Catalog({
        name: Table(name, "parquet", [f"/data/{name}/{name}.{i}.parquet" for i in range(1, files + 1)], columns,
                    row_count=rows)
        for name, (rows, files, columns) in TABLES.items()
    })
