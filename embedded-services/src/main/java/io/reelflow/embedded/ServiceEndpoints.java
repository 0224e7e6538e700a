package io.reelflow.embedded;

/**
 * Where the durable services of a Reelflow environment are reached: Kafka, PostgreSQL and the S3
 * API. Integration tests and {@code local} mode depend on this interface only, so they run the same
 * against in-JVM servers and against containers.
 */
public interface ServiceEndpoints {

    /** Kafka {@code bootstrap.servers}, for example {@code 127.0.0.1:9092}. */
    String kafkaBootstrapServers();

    /** JDBC URL of the {@code reelflow} PostgreSQL database. */
    String jdbcUrl();

    String jdbcUser();

    String jdbcPassword();

    /** Base URI of the S3 API, for example {@code http://127.0.0.1:9000}; use path-style access. */
    String s3Endpoint();

    String s3Region();

    String s3AccessKey();

    String s3SecretKey();

    /** The bucket that was created when the services started. */
    String s3Bucket();
}
