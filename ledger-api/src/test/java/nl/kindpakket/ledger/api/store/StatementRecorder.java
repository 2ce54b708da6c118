package nl.kindpakket.ledger.api.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.function.Predicate;

import org.postgresql.core.BaseConnection;

/** A connection that notes the text of each statement it prepares, for a test that counts round trips. */
public final class StatementRecorder {

    private StatementRecorder() {
    }

    /** {@code connection}, noting into {@code statements} each statement prepared that {@code which} accepts. */
    public static Connection recording(Connection connection, Predicate<String> which, List<String> statements) {
        return recording(connection, which, statements, null);
    }

    /**
     * The same, noting also into {@code commits} each commit asked of it, with the driver's transaction state then (on
     * PostgreSQL, {@code IDLE} where the transaction is committed already and the driver sends nothing).
     */
    public static Connection recording(Connection connection, Predicate<String> which, List<String> statements,
            List<String> commits) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                            && which.test(sql)) {
                        statements.add(sql);
                    }
                    if (commits != null && method.getName().equals("commit")) {
                        commits.add(connection.isWrapperFor(BaseConnection.class)
                                ? "commit, the driver's transaction " + connection.unwrap(BaseConnection.class).getTransactionState()
                                : "commit");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
