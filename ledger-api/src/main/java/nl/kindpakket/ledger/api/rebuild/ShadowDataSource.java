package nl.kindpakket.ledger.api.rebuild;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The service's DataSource as a rebuilding read model sees it: the read model's tables are those of the shadow
 * schema, everything else (the token table above all) is the live one. Connections are those of the current
 * transaction, so a batch's shadow rows and its token commit together. Only statements naming a table after
 * FROM, INTO, UPDATE, JOIN or TABLE are redirected, which is how every read model writes its SQL.
 */
final class ShadowDataSource extends TransactionAwareDataSourceProxy {

    private final Pattern tables;
    private final String replacement;

    ShadowDataSource(DataSource live, String shadowSchema, Collection<String> tables) {
        super(live);
        this.tables = Pattern.compile("(?i)\\b(FROM|INTO|UPDATE|JOIN|TABLE)(\\s+)("
                + tables.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");
        this.replacement = "$1$2" + Matcher.quoteReplacement(shadowSchema) + ".$3";
    }

    String redirect(String sql) {
        return tables.matcher(sql).replaceAll(replacement);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return redirecting(Connection.class, super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return redirecting(Connection.class, super.getConnection(username, password));
    }

    private <T> T redirecting(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (args != null && args.length > 0 && args[0] instanceof String sql && carriesSql(method)) {
            args[0] = redirect(sql);
        }
        try {
            Object result = method.invoke(target, args);
            return result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)
                    ? redirecting(Statement.class, statement) : result;
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }

    private static boolean carriesSql(Method method) {
        return switch (method.getName()) {
            case "prepareStatement", "prepareCall", "nativeSQL", "execute", "executeQuery", "executeUpdate",
                 "executeLargeUpdate", "addBatch" -> true;
            default -> false;
        };
    }
}
