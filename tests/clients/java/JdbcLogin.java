// pgjdbc logging in: for each (url, user, password) of the arguments, connect, run one query and
// print one JSON line: {"user": current_user, "count": rows of nation} or
// {"sqlstate": ..., "message": ...} when connecting or the query failed (tests/clients/test_auth.py).
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class JdbcLogin {
    public static void main(String[] args) {
        for (int i = 0; i + 2 < args.length; i += 3) {
            System.out.println(login(args[i], args[i + 1], args[i + 2]));
        }
    }

    static String login(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select current_user, count(*) from nation")) {
            r.next();
            return "{\"user\": " + quote(r.getString(1)) + ", \"count\": " + r.getLong(2) + "}";
        } catch (SQLException e) {
            return "{\"sqlstate\": " + quote(e.getSQLState()) + ", \"message\": " + quote(e.getMessage()) + "}";
        }
    }

    static String quote(String text) {
        if (text == null) return "null";
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') out.append('\\').append(ch);
            else if (ch < 0x20) out.append(String.format("\\u%04x", (int) ch));
            else out.append(ch);
        }
        return out.append('"').toString();
    }
}
