package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

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

    private StorageOptions() {}
}
