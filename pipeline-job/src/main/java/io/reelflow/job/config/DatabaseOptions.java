package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** The PostgreSQL database that holds {@code video_results} and {@code video_status}. */
public final class DatabaseOptions {
    public static final ConfigOption<String> URL =
            key("reelflow.jdbc.url")
                    .stringType()
                    .defaultValue("jdbc:postgresql://localhost:5433/reelflow")
                    .withDescription("JDBC URL of the results database.");

    public static final ConfigOption<String> USER =
            key("reelflow.jdbc.user")
                    .stringType()
                    .defaultValue("postgres")
                    .withDescription("Database user.");

    public static final ConfigOption<String> PASSWORD =
            key("reelflow.jdbc.password")
                    .stringType()
                    .defaultValue("")
                    .withDescription("Database password (prefer a secret in the deployment).");

    public static final ConfigOption<Integer> BATCH_SIZE =
            key("reelflow.jdbc.batch-size")
                    .intType()
                    .defaultValue(50)
                    .withDescription("Rows per JDBC batch.");

    public static final ConfigOption<Duration> BATCH_INTERVAL =
            key("reelflow.jdbc.batch-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription("Longest a row waits for its batch.");

    private DatabaseOptions() {}
}
