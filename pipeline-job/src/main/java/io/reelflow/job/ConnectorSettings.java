package io.reelflow.job;

import io.reelflow.connectors.catalog.JdbcAssetCatalog;
import io.reelflow.connectors.catalog.JsonLinesAssetCatalog;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.connectors.kafka.KafkaOffsets;
import io.reelflow.connectors.kafka.KafkaSinkSettings;
import io.reelflow.connectors.kafka.KafkaSourceSettings;
import io.reelflow.connectors.s3.S3Settings;
import io.reelflow.job.config.CatalogOptions;
import io.reelflow.job.config.ControlOptions;
import io.reelflow.job.config.DatabaseOptions;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.job.config.ReplayOptions;
import io.reelflow.job.config.StorageOptions;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.request.RequestSelection;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** The connectors' settings, read from the typed configuration. */
public record ConnectorSettings(
        KafkaSourceSettings requests,
        KafkaSourceSettings control,
        KafkaSinkSettings results,
        KafkaSinkSettings status,
        KafkaSinkSettings deadLetters,
        S3Settings storage,
        CatalogOptions.Source catalogSource,
        String catalogManifestKey,
        JdbcSettings database) {

    public static ConnectorSettings from(ReadableConfig config) {
        String bootstrap = config.get(KafkaOptions.BOOTSTRAP_SERVERS);
        KafkaSourceSettings.Builder source =
                KafkaSourceSettings.builder()
                        .bootstrapServers(bootstrap)
                        .topic(config.get(KafkaOptions.REQUESTS_TOPIC))
                        .groupId(config.get(KafkaOptions.GROUP_ID))
                        .startingOffsets(
                                startingOffsets(
                                        KafkaOptions.STARTING_OFFSETS,
                                        config.get(KafkaOptions.STARTING_OFFSETS)));
        // A replay's time range starts and stops the source at the offsets of its timestamps.
        RequestSelection selection = ReplayOptions.selection(config);
        selection.since().ifPresent(since -> source.startingOffsets(KafkaOffsets.timestamp(since)));
        KafkaSourceSettings.Builder control =
                KafkaSourceSettings.builder()
                        .bootstrapServers(bootstrap)
                        .topic(config.get(ControlOptions.TOPIC))
                        .groupId(config.get(KafkaOptions.GROUP_ID) + "-control")
                        .startingOffsets(
                                startingOffsets(
                                        ControlOptions.STARTING_OFFSETS,
                                        config.get(ControlOptions.STARTING_OFFSETS)));
        if (config.get(KafkaOptions.BOUNDED)) {
            source.stopAt(
                    selection.until().map(KafkaOffsets::timestamp).orElse(KafkaOffsets.latest()));
            // A bounded run ends when its requests do: commands issued meanwhile are not awaited.
            control.stopAt(KafkaOffsets.latest());
        }
        String endpoint = config.getOptional(StorageOptions.ENDPOINT).orElse(null);
        S3Settings storage =
                new S3Settings(
                        endpoint,
                        config.get(StorageOptions.REGION),
                        config.get(StorageOptions.BUCKET),
                        config.getOptional(StorageOptions.ACCESS_KEY).orElse(null),
                        config.getOptional(StorageOptions.SECRET_KEY).orElse(null),
                        endpoint != null,
                        StorageOptions.retry(config));
        JdbcSettings database =
                new JdbcSettings(
                        config.get(DatabaseOptions.URL),
                        config.get(DatabaseOptions.USER),
                        DatabaseOptions.password(config),
                        config.get(DatabaseOptions.BATCH_SIZE),
                        config.get(DatabaseOptions.BATCH_INTERVAL).toMillis(),
                        JdbcSettings.DEFAULT_MAX_RETRIES);
        String keyPrefix =
                config.get(ReplayOptions.KEY_WITH_RUN_ID)
                        ? config.get(PipelineOptions.RUN_ID) + "/"
                        : "";
        return new ConnectorSettings(
                source.build(),
                control.build(),
                sink(bootstrap, config.get(KafkaOptions.RESULTS_TOPIC), keyPrefix)
                        .transactionalIdPrefix(config.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX))
                        .transactionTimeout(config.get(KafkaOptions.TRANSACTION_TIMEOUT))
                        .build(),
                sink(bootstrap, config.get(KafkaOptions.STATUS_TOPIC), keyPrefix).build(),
                sink(bootstrap, config.get(KafkaOptions.DEAD_LETTER_TOPIC), keyPrefix).build(),
                storage,
                config.get(CatalogOptions.SOURCE),
                config.get(CatalogOptions.MANIFEST),
                database);
    }

    /** The catalog the job's retrieval stage reads, as configured. */
    public AssetCatalogFactory assetCatalog(ObjectStoreFactory store) {
        return catalogSource == CatalogOptions.Source.JDBC
                ? JdbcAssetCatalog.factory(database)
                : JsonLinesAssetCatalog.factory(
                        store, "s3://" + storage.bucket() + "/" + catalogManifestKey);
    }

    private static KafkaSinkSettings.Builder sink(
            String bootstrap, String topic, String keyPrefix) {
        return KafkaSinkSettings.builder()
                .bootstrapServers(bootstrap)
                .topic(topic)
                .keyPrefix(keyPrefix);
    }

    private static KafkaOffsets startingOffsets(ConfigOption<String> option, String name) {
        switch (name) {
            case "committed":
                return KafkaOffsets.committedOrEarliest();
            case "earliest":
                return KafkaOffsets.earliest();
            case "latest":
                return KafkaOffsets.latest();
            default:
                throw new IllegalArgumentException(
                        option.key()
                                + " must be committed, earliest or latest, got '"
                                + name
                                + "'");
        }
    }
}
