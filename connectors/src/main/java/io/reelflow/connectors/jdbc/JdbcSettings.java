package io.reelflow.connectors.jdbc;

import io.reelflow.connectors.internal.Checks;
import java.io.Serializable;

/**
 * Connection and batching settings of the PostgreSQL sinks. A batch is written when it holds {@code
 * batchSize} rows, every {@code batchIntervalMs} (0 = only by size and at checkpoints), and at
 * every checkpoint; a failed batch is tried up to {@code maxRetries} more times.
 *
 * <pre>{@code
 * JdbcSettings settings = JdbcSettings.of("jdbc:postgresql://db:5432/reelflow", "reelflow", password);
 * }</pre>
 */
public record JdbcSettings(
        String url,
        String user,
        String password,
        int batchSize,
        long batchIntervalMs,
        int maxRetries)
        implements Serializable {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final long DEFAULT_BATCH_INTERVAL_MS = 1_000;
    public static final int DEFAULT_MAX_RETRIES = 3;

    static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";

    public JdbcSettings {
        Checks.requireText(url, "JDBC url");
        if (!url.startsWith(POSTGRESQL_URL_PREFIX)) {
            // The upserts use PostgreSQL's ON CONFLICT and JSONB.
            throw new IllegalArgumentException(
                    "JDBC url must be a PostgreSQL URL starting with "
                            + POSTGRESQL_URL_PREFIX
                            + " (got "
                            + url
                            + ")");
        }
        Checks.requirePositive(batchSize, "JDBC batchSize");
        Checks.requireNonNegative(batchIntervalMs, "JDBC batchIntervalMs");
        Checks.requireNonNegative(maxRetries, "JDBC maxRetries");
    }

    /** Settings with the default batching: {@value #DEFAULT_BATCH_SIZE} rows or one second. */
    public static JdbcSettings of(String url, String user, String password) {
        return new JdbcSettings(
                url,
                user,
                password,
                DEFAULT_BATCH_SIZE,
                DEFAULT_BATCH_INTERVAL_MS,
                DEFAULT_MAX_RETRIES);
    }

    /** A copy with other batching. */
    public JdbcSettings withBatching(int batchSize, long batchIntervalMs, int maxRetries) {
        return new JdbcSettings(url, user, password, batchSize, batchIntervalMs, maxRetries);
    }

    @Override
    public String toString() {
        return "JdbcSettings[url="
                + url
                + ", user="
                + user
                + ", password="
                + Checks.mask(password)
                + ", batchSize="
                + batchSize
                + ", batchIntervalMs="
                + batchIntervalMs
                + ", maxRetries="
                + maxRetries
                + "]";
    }
}
