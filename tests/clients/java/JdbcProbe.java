// What a BI tool does through pgjdbc, step by step, reported as one JSON object.
//
//   java -cp postgresql.jar:. JdbcProbe <jdbc-url> <user>
//
// tests/clients/test_jdbc.py compiles this file and runs it against duckflight and
// against PostgreSQL 15 holding the same table definitions. Each step is independent:
// a failing step records its error (class, SQLSTATE, message) and the others still run.
import java.math.BigDecimal;
import java.sql.*;
import java.util.*;

public class JdbcProbe {
    static final StringBuilder out = new StringBuilder("{");
    static boolean first = true;

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1];
        Properties props = new Properties();
        props.setProperty("user", user);
        try (Connection conn = DriverManager.getConnection(url, props)) {
            step("connect", () -> connect(conn));
            step("catalogs", () -> rows(conn.getMetaData().getCatalogs(), 50));
            step("schemas", () -> rows(conn.getMetaData().getSchemas(), 50));
            step("tables", () -> rows(conn.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"}), 50));
            step("columns", () -> rows(conn.getMetaData().getColumns(null, "public", "lineitem", "%"), 50));
            step("primary_keys", () -> rows(conn.getMetaData().getPrimaryKeys(null, "public", "lineitem"), 50));
            step("type_info", () -> typeInfo(conn));
            step("prepared", () -> prepared(conn));
            step("prepared_params", () -> preparedParams(conn));
            step("result_metadata", () -> resultMetadata(conn, RESULT_SQL));
            step("typmod_metadata", () -> resultMetadata(conn, TYPMOD_SQL));
            step("missing_table", () -> missingTable(conn));
            step("transaction", () -> transaction(conn));
            step("streaming", () -> streaming(conn));
        }
        System.out.println(out.append("}"));
    }

    interface Step { Object run() throws Exception; }

    static void step(String name, Step body) {
        Object value;
        try {
            value = body.run();
        } catch (Throwable e) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("class", e.getClass().getName());
            err.put("sqlstate", e instanceof SQLException ? ((SQLException) e).getSQLState() : null);
            err.put("message", String.valueOf(e.getMessage()));
            value = Map.of("error", err);
        }
        out.append(first ? "" : ",").append(json(name)).append(":").append(json(value));
        first = false;
    }

    static Object connect(Connection conn) throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("product", md.getDatabaseProductName());
        r.put("major", md.getDatabaseMajorVersion());
        r.put("catalog", conn.getCatalog());
        r.put("schema", conn.getSchema());
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("select 1 + 1")) {
            rs.next();
            r.put("one_plus_one", rs.getInt(1));
        }
        return r;
    }

    /** A metadata result set: its column labels and (up to limit) rows, as strings. */
    static Object rows(ResultSet rs, int limit) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) labels.add(md.getColumnLabel(i));
            List<List<String>> data = new ArrayList<>();
            int count = 0;
            while (rs.next()) {
                if (count++ >= limit) continue;
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= labels.size(); i++) row.add(rs.getString(i));
                data.add(row);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("labels", labels);
            r.put("rows", data);
            r.put("count", count);
            return r;
        }
    }

    static Object typeInfo(Connection conn) throws SQLException {
        Map<String, Object> types = new TreeMap<>();
        List<String> labels = new ArrayList<>();
        try (ResultSet rs = conn.getMetaData().getTypeInfo()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) labels.add(md.getColumnLabel(i));
            while (rs.next()) types.put(rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("labels", labels);
        r.put("types", types);
        return r;
    }

    /** One query prepared once and run 10 times: from the 5th run on pgjdbc uses a
     *  named server-side statement and asks for binary results. */
    static Object prepared(Connection conn) throws SQLException {
        String sql = "select l_orderkey, l_linenumber, l_quantity, l_extendedprice, l_shipdate, l_shipmode, l_comment"
            + " from lineitem where l_orderkey = ? order by l_linenumber";
        long[] keys = {1, 3, 7};
        List<Object> runs = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < 10; i++) {
                ps.setLong(1, keys[i % keys.length]);
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + "|" + rs.getInt(2) + "|" + rs.getBigDecimal(3) + "|"
                            + rs.getBigDecimal(4) + "|" + rs.getDate(5) + "|" + rs.getString(6) + "|" + rs.getString(7));
                    }
                }
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("key", keys[i % keys.length]);
                run.put("server_prepared", ps.unwrap(org.postgresql.PGStatement.class).isUseServerPrepare());
                run.put("rows", rows);
                runs.add(run);
            }
        }
        return runs;
    }

    /** Parameters of several types (date, numeric, varchar, int), 8 runs each. */
    static Object preparedParams(Connection conn) throws SQLException {
        String sql = "select count(*), sum(l_extendedprice) from lineitem"
            + " where l_shipdate <= ? and l_discount >= ? and l_shipmode = ? and l_linenumber < ?";
        List<Object> runs = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < 8; i++) {
                ps.setDate(1, java.sql.Date.valueOf("1995-06-17"));
                ps.setBigDecimal(2, new BigDecimal("0.05"));
                ps.setString(3, i % 2 == 0 ? "AIR" : "MAIL");
                ps.setInt(4, 4);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    runs.add(rs.getLong(1) + "|" + rs.getBigDecimal(2));
                }
            }
        }
        return runs;
    }

    static final String RESULT_SQL =
        "select l_orderkey, l_linenumber, l_extendedprice, l_shipdate, l_comment from lineitem"
        + " order by l_orderkey, l_linenumber limit 1";
    // Type modifiers: varchar(n), char(n), numeric(p,s), timestamp(p), and none after sum().
    static final String TYPMOD_SQL = "select l_comment::varchar(10) v, l_returnflag::char(3) c,"
        + " l_extendedprice::numeric(10,1) n, sum(l_extendedprice) over () s, l_shipdate::timestamp(3) t,"
        + " 'x'::char b from lineitem order by l_orderkey, l_linenumber limit 1";

    static Object resultMetadata(Connection conn, String sql) throws SQLException {
        List<Object> cols = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            rs.next();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("label", md.getColumnLabel(i));
                c.put("type", md.getColumnType(i));
                c.put("type_name", md.getColumnTypeName(i));
                c.put("precision", md.getPrecision(i));
                c.put("scale", md.getScale(i));
                c.put("class", md.getColumnClassName(i));
                c.put("display_size", md.getColumnDisplaySize(i));
                c.put("value", rs.getString(i));
                cols.add(c);
            }
        }
        return cols;
    }

    static Object missingTable(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeQuery("select * from no_such_table");
            return "no error";
        } catch (SQLException e) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sqlstate", e.getSQLState());
            r.put("message", e.getMessage());
            // The connection must still work after the error.
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("select 42")) {
                rs.next();
                r.put("after", rs.getInt(1));
            }
            return r;
        }
    }

    static Object transaction(Connection conn) throws SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            r.put("count", scalar(st, "select count(*) from nation"));
            conn.commit();
            r.put("after_commit", scalar(st, "select count(*) from region"));
            conn.rollback();
            try {
                st.executeQuery("select * from no_such_table");
            } catch (SQLException e) {
                r.put("error", e.getSQLState());
            }
            try {
                scalar(st, "select 1");
            } catch (SQLException e) {
                r.put("aborted", e.getSQLState());
            }
            conn.rollback();
            r.put("after_rollback", scalar(st, "select count(*) from nation"));
            conn.commit();
        } finally {
            conn.setAutoCommit(true);
        }
        return r;
    }

    static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** All of lineitem through a cursor of 1000 rows: the heap (run with a small -Xmx)
     *  must never hold the whole result. */
    static Object streaming(Connection conn) throws SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(1000);
            long rows = 0, maxUsed = 0;
            BigDecimal total = BigDecimal.ZERO;
            try (ResultSet rs = st.executeQuery("select * from lineitem")) {
                while (rs.next()) {
                    rows++;
                    total = total.add(rs.getBigDecimal("l_quantity"));
                    if (rows % 10000 == 0) maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
                }
            }
            conn.commit();
            r.put("rows", rows);
            r.put("sum_quantity", total.toPlainString());
            r.put("max_heap_used_mb", maxUsed / (1024 * 1024));
            r.put("max_heap_mb", rt.maxMemory() / (1024 * 1024));
        } finally {
            conn.setAutoCommit(true);
        }
        return r;
    }

    // ------------------------------------------------------------------ JSON output
    static String json(Object v) {
        if (v == null) return "null";
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        if (v instanceof Map) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (b.length() > 1) b.append(",");
                b.append(json(String.valueOf(e.getKey()))).append(":").append(json(e.getValue()));
            }
            return b.append("}").toString();
        }
        if (v instanceof Collection) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : (Collection<?>) v) b.append(b.length() > 1 ? "," : "").append(json(o));
            return b.append("]").toString();
        }
        String s = v.toString();
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append("\"").toString();
    }
}
