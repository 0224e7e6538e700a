package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.connectors.s3.S3Retry;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** The S3 bucket for videos, thumbnails, subtitles, generated clips and catalogued assets. */
public final class StorageOptions {
    public static final ConfigOption<String> ENDPOINT =
            key("reelflow.s3.endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "S3 API endpoint; unset = AWS. Set for MinIO, S3Proxy and the like.");

    public static final ConfigOption<String> REGION =
            key("reelflow.s3.region")
                    .stringType()
                    .defaultValue("us-east-1")
                    .withDescription("S3 region.");

    public static final ConfigOption<String> BUCKET =
            key("reelflow.s3.bucket")
                    .stringType()
                    .defaultValue("reelflow")
                    .withDescription("S3 bucket.");

    public static final ConfigOption<String> ACCESS_KEY =
            key("reelflow.s3.access-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("S3 access key; unset = the AWS default credentials chain.");

    public static final ConfigOption<String> SECRET_KEY =
            key("reelflow.s3.secret-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("S3 secret key; unset = the AWS default credentials chain.");

    public static final ConfigOption<Integer> RETRY_MAX_ATTEMPTS =
            key("reelflow.s3.retry.max-attempts")
                    .intType()
                    .defaultValue(S3Retry.DEFAULT.maxAttempts())
                    .withDescription(
                            "Attempts per S3 call (1 = no retry) on throttling (503 SlowDown), 5xx"
                                    + " and connection errors. With the default delays a call"
                                    + " keeps trying for at least 26 s and gives up after at most"
                                    + " 53 s of waiting, so an S3 outage shorter than that delays"
                                    + " requests instead of failing them.");

    public static final ConfigOption<Duration> RETRY_BASE_DELAY =
            key("reelflow.s3.retry.base-delay")
                    .durationType()
                    .defaultValue(S3Retry.DEFAULT.baseDelay())
                    .withDescription(
                            "Delay before the first S3 retry; it doubles at each retry (half"
                                    + " jittered) up to reelflow.s3.retry.max-backoff.");

    public static final ConfigOption<Duration> RETRY_MAX_BACKOFF =
            key("reelflow.s3.retry.max-backoff")
                    .durationType()
                    .defaultValue(S3Retry.DEFAULT.maxBackoff())
                    .withDescription("Longest delay between two attempts of an S3 call.");

    private StorageOptions() {}

    /** The retries configured by the {@code reelflow.s3.retry.*} options. */
    public static S3Retry retry(ReadableConfig config) {
        return new S3Retry(
                config.get(RETRY_MAX_ATTEMPTS),
                config.get(RETRY_BASE_DELAY),
                config.get(RETRY_MAX_BACKOFF));
    }
}
