package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Where the job reads the asset catalog, and how often it looks for changes. */
public final class CatalogOptions {

    /** The catalog's storage. */
    public enum Source {
        /** The {@code asset_catalog} table that {@code reelflow assets import} fills. */
        JDBC,
        /** A JSON-lines manifest in the bucket, for deployments without the table. */
        MANIFEST
    }

    public static final ConfigOption<Source> SOURCE =
            key("reelflow.catalog.source")
                    .enumType(Source.class)
                    .defaultValue(Source.JDBC)
                    .withDescription(
                            "Where the asset catalog is read: JDBC (the asset_catalog table in the"
                                    + " results database) or MANIFEST (JSON lines in the bucket).");

    public static final ConfigOption<String> MANIFEST =
            key("reelflow.catalog.manifest")
                    .stringType()
                    .defaultValue("catalog/assets.jsonl")
                    .withDescription(
                            "Key in the bucket of the asset catalog manifest (JSON lines), when"
                                    + " reelflow.catalog.source is MANIFEST.");

    public static final ConfigOption<Duration> REFRESH_INTERVAL =
            key("reelflow.catalog.refresh-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "How often each task manager asks the catalog whether it changed; a"
                                    + " changed catalog is re-indexed and swapped in while the job"
                                    + " runs.");

    private CatalogOptions() {}
}
