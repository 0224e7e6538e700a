package io.reelflow.embedded;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link ReelflowServices} starts its servers. A port of {@code 0} picks a free port; a {@code
 * null} data directory keeps everything temporary (deleted on close), a path keeps Kafka logs,
 * PostgreSQL data and S3 objects there across runs.
 *
 * <pre>{@code
 * ServicesOptions options = ServicesOptions.builder().kafkaPort(9092).bucket("videos").build();
 * }</pre>
 *
 * @param kafkaPort Kafka client port, 0 for a free one
 * @param postgresPort PostgreSQL port, 0 for a free one
 * @param s3Port S3 API port, 0 for a free one
 * @param dataDirectory where data is kept across runs, or {@code null} for temporary data
 * @param bucket the S3 bucket created at start
 * @param backend which implementation runs the services
 */
public record ServicesOptions(
        int kafkaPort,
        int postgresPort,
        int s3Port,
        Path dataDirectory,
        String bucket,
        ServicesBackend backend) {

    /** Kafka port of {@code local} mode. */
    public static final int LOCAL_KAFKA_PORT = 9092;

    /** PostgreSQL port of {@code local} mode (not 5432, to leave a system PostgreSQL alone). */
    public static final int LOCAL_POSTGRES_PORT = 5433;

    /** S3 API port of {@code local} mode. */
    public static final int LOCAL_S3_PORT = 9000;

    public static final String DEFAULT_BUCKET = "reelflow";

    // S3 bucket naming rules, reduced to what every S3 implementation accepts.
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public ServicesOptions {
        checkPort("kafkaPort", kafkaPort);
        checkPort("postgresPort", postgresPort);
        checkPort("s3Port", s3Port);
        Objects.requireNonNull(bucket, "bucket");
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw new IllegalArgumentException(
                    "bucket '" + bucket + "' is not a valid S3 bucket name (3-63 of [a-z0-9.-])");
        }
        Objects.requireNonNull(backend, "backend");
    }

    /**
     * Free ports, temporary data, bucket {@value #DEFAULT_BUCKET}, backend from system property.
     */
    public static ServicesOptions defaults() {
        return builder().build();
    }

    /** The fixed ports of {@code local} mode with data kept in {@code dataDirectory}. */
    public static ServicesOptions local(Path dataDirectory) {
        return builder()
                .kafkaPort(LOCAL_KAFKA_PORT)
                .postgresPort(LOCAL_POSTGRES_PORT)
                .s3Port(LOCAL_S3_PORT)
                .dataDirectory(Objects.requireNonNull(dataDirectory, "dataDirectory"))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .kafkaPort(kafkaPort)
                .postgresPort(postgresPort)
                .s3Port(s3Port)
                .dataDirectory(dataDirectory)
                .bucket(bucket)
                .backend(backend);
    }

    public ServicesOptions withDataDirectory(Path directory) {
        return toBuilder().dataDirectory(directory).build();
    }

    public ServicesOptions withBackend(ServicesBackend newBackend) {
        return toBuilder().backend(newBackend).build();
    }

    /** Whether data survives {@link ReelflowServices#close()}. */
    public boolean persistent() {
        return dataDirectory != null;
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535 but was " + port);
        }
    }

    /** Builds {@link ServicesOptions}; unset settings keep their defaults. */
    public static final class Builder {
        private int kafkaPort;
        private int postgresPort;
        private int s3Port;
        private Path dataDirectory;
        private String bucket = DEFAULT_BUCKET;
        private ServicesBackend backend;

        private Builder() {}

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder s3Port(int port) {
            this.s3Port = port;
            return this;
        }

        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        public Builder bucket(String bucketName) {
            this.bucket = bucketName;
            return this;
        }

        public Builder backend(ServicesBackend servicesBackend) {
            this.backend = servicesBackend;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the invalid setting
         */
        public ServicesOptions build() {
            ServicesBackend chosen =
                    backend != null ? backend : ServicesBackend.fromSystemProperties();
            return new ServicesOptions(
                    kafkaPort, postgresPort, s3Port, dataDirectory, bucket, chosen);
        }
    }
}
