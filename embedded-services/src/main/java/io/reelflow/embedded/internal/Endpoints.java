package io.reelflow.embedded.internal;

import io.reelflow.embedded.ServiceEndpoints;

/** Endpoint values collected once the servers of a backend are up. */
public record Endpoints(
        String kafkaBootstrapServers,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String s3Endpoint,
        String s3Region,
        String s3AccessKey,
        String s3SecretKey,
        String s3Bucket)
        implements ServiceEndpoints {

    /** Same values, secret key masked, for logs. */
    @Override
    public String toString() {
        return "Endpoints[kafka="
                + kafkaBootstrapServers
                + ", jdbc="
                + jdbcUrl
                + ", s3="
                + s3Endpoint
                + ", bucket="
                + s3Bucket
                + "]";
    }
}
