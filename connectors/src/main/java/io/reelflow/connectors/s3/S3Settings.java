package io.reelflow.connectors.s3;

import io.reelflow.connectors.internal.Checks;
import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Where the object store is and how to sign in. A null {@code endpoint} means AWS itself; null keys
 * mean the AWS default credentials chain (environment, profile, instance or pod role). Path-style
 * addressing ({@code http://host/bucket/key}) is what S3-compatible servers such as MinIO expect.
 *
 * <pre>{@code
 * new S3Settings("http://localhost:9000", "us-east-1", "reelflow", "key", "secret", true)
 * }</pre>
 */
public record S3Settings(
        String endpoint,
        String region,
        String bucket,
        String accessKey,
        String secretKey,
        boolean pathStyle,
        S3Retry retry)
        implements Serializable {

    /** Settings with the {@link S3Retry#DEFAULT default retries}. */
    public S3Settings(
            String endpoint,
            String region,
            String bucket,
            String accessKey,
            String secretKey,
            boolean pathStyle) {
        this(endpoint, region, bucket, accessKey, secretKey, pathStyle, S3Retry.DEFAULT);
    }

    public S3Settings {
        Objects.requireNonNull(retry, "retry");
        if (endpoint != null) {
            URI uri;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("S3 endpoint is not a URI: " + endpoint, e);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException(
                        "S3 endpoint must be an http(s) URL (got " + endpoint + ")");
            }
        }
        Checks.requireText(region, "S3 region");
        Checks.requireText(bucket, "S3 bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException(
                    "S3 bucket must be 3-63 of [a-z0-9.-], starting and ending with a letter or"
                            + " digit (got "
                            + bucket
                            + ")");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException(
                    "S3 accessKey and secretKey must be set together (or both left null to use the"
                            + " default credentials chain)");
        }
    }

    /** Settings for AWS S3 itself, with the default credentials chain. */
    public static S3Settings aws(String region, String bucket) {
        return new S3Settings(null, region, bucket, null, null, false);
    }

    /** These settings with other retries. */
    public S3Settings withRetry(S3Retry newRetry) {
        return new S3Settings(endpoint, region, bucket, accessKey, secretKey, pathStyle, newRetry);
    }

    /** True when static keys are configured rather than the default credentials chain. */
    public boolean hasStaticCredentials() {
        return accessKey != null;
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint="
                + endpoint
                + ", region="
                + region
                + ", bucket="
                + bucket
                + ", accessKey="
                + accessKey
                + ", secretKey="
                + Checks.mask(secretKey)
                + ", pathStyle="
                + pathStyle
                + ", retry="
                + retry
                + "]";
    }
}
