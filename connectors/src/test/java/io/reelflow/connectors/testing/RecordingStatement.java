package io.reelflow.connectors.testing;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link PreparedStatement} that only records the parameters bound to it, for testing statement
 * builders without a database. Unbound SQL nulls are recorded as {@link SqlNull} with their type.
 */
public final class RecordingStatement {
    /** A parameter set to SQL NULL of {@code sqlType} ({@link java.sql.Types}). */
    public record SqlNull(int sqlType) {}

    private final Map<Integer, Object> parameters = new TreeMap<>();
    private final PreparedStatement statement;

    public RecordingStatement() {
        this.statement =
                (PreparedStatement)
                        Proxy.newProxyInstance(
                                PreparedStatement.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class},
                                (proxy, method, args) -> {
                                    String name = method.getName();
                                    if (name.equals("setNull")) {
                                        parameters.put(
                                                (Integer) args[0], new SqlNull((Integer) args[1]));
                                        return null;
                                    }
                                    if (name.startsWith("set")
                                            && args != null
                                            && args.length >= 2
                                            && args[0] instanceof Integer index) {
                                        parameters.put(index, args[1]);
                                        return null;
                                    }
                                    throw new UnsupportedOperationException(
                                            "RecordingStatement does not support " + name);
                                });
    }

    public PreparedStatement statement() {
        return statement;
    }

    /** Bound parameters by 1-based index. */
    public Map<Integer, Object> parameters() {
        return parameters;
    }

    public Object parameter(int index) {
        return parameters.get(index);
    }
}
