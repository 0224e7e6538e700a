package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

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
                    .withDescription(
                            "Database password. Job arguments show in logs and the web UI: on a"
                                    + " cluster use password-env or password-file instead.");

    public static final ConfigOption<String> PASSWORD_ENV =
            key("reelflow.jdbc.password-env")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Environment variable holding the database password (a Kubernetes"
                                    + " Secret as env); read where the job starts.");

    public static final ConfigOption<String> PASSWORD_FILE =
            key("reelflow.jdbc.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File holding the database password (a mounted Secret); read where"
                                    + " the job starts, surrounding whitespace ignored.");

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

    /** The password from the one source configured: the option itself, a variable or a file. */
    public static String password(ReadableConfig config) {
        return password(config, System::getenv);
    }

    /**
     * As {@link #password(ReadableConfig)}, with the process environment given, for tests.
     *
     * @throws IllegalArgumentException when two sources are set, or the named one is missing or
     *     empty (the message names the source, never the value)
     */
    static String password(ReadableConfig config, UnaryOperator<String> environment) {
        String plain = config.get(PASSWORD);
        String variable = config.getOptional(PASSWORD_ENV).orElse(null);
        String file = config.getOptional(PASSWORD_FILE).orElse(null);
        int sources =
                (plain.isEmpty() ? 0 : 1) + (variable == null ? 0 : 1) + (file == null ? 0 : 1);
        if (sources > 1) {
            throw new IllegalArgumentException(
                    "set one of "
                            + PASSWORD.key()
                            + ", "
                            + PASSWORD_ENV.key()
                            + " and "
                            + PASSWORD_FILE.key());
        }
        if (variable != null) {
            String value = environment.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(
                        "environment variable "
                                + variable
                                + " ("
                                + PASSWORD_ENV.key()
                                + ") is not set");
            }
            return value;
        }
        if (file != null) {
            String value = readFile(file).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(PASSWORD_FILE.key() + " " + file + " is empty");
            }
            return value;
        }
        return plain;
    }

    private static String readFile(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(PASSWORD_FILE.key() + " " + file + " cannot be read", e);
        }
    }

    private DatabaseOptions() {}
}
