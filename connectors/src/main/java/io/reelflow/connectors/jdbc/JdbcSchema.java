package io.reelflow.connectors.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL of the tables the sinks write ({@code schema.sql} next to this class). Every statement is
 * {@code IF NOT EXISTS}, or drops and adds a named constraint again, so applying it again changes
 * nothing.
 */
public final class JdbcSchema {
    static final String RESOURCE = "schema.sql";

    private JdbcSchema() {}

    /** Creates the tables and indexes that are missing, in one transaction. */
    public static void apply(JdbcSettings settings) throws SQLException {
        List<String> statements = statements();
        try (Connection connection =
                DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The statements of {@code schema.sql}, without comments. */
    public static List<String> statements() {
        return split(read());
    }

    static String read() {
        try (InputStream in = JdbcSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Missing resource " + RESOURCE + " next to JdbcSchema");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a script at semicolons that end a line. Enough for our DDL, which has no functions or
     * string literals containing semicolons.
     */
    static List<String> split(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : withoutComments.toString().split(";\\s*(\\n|$)")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }
}
