package io.reelflow.embedded.internal;

import io.reelflow.embedded.ServiceEndpoints;

/**
 * Answers {@link ServiceEndpoints} from the endpoints a backend collected once its servers were up.
 */
public abstract class EndpointsHolder implements ServiceEndpoints {
    protected final Endpoints endpoints;

    protected EndpointsHolder(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String kafkaBootstrapServers() {
        return endpoints.kafkaBootstrapServers();
    }

    @Override
    public String jdbcUrl() {
        return endpoints.jdbcUrl();
    }

    @Override
    public String jdbcUser() {
        return endpoints.jdbcUser();
    }

    @Override
    public String jdbcPassword() {
        return endpoints.jdbcPassword();
    }

    @Override
    public String s3Endpoint() {
        return endpoints.s3Endpoint();
    }

    @Override
    public String s3Region() {
        return endpoints.s3Region();
    }

    @Override
    public String s3AccessKey() {
        return endpoints.s3AccessKey();
    }

    @Override
    public String s3SecretKey() {
        return endpoints.s3SecretKey();
    }

    @Override
    public String s3Bucket() {
        return endpoints.s3Bucket();
    }
}
