package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.connectors.kafka.KafkaSinkSettings;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Where requests come from and where results, status and dead letters go. */
public final class KafkaOptions {
    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            key("reelflow.kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("localhost:9092")
                    .withDescription("Kafka bootstrap servers.");

    public static final ConfigOption<String> GROUP_ID =
            key("reelflow.kafka.group-id")
                    .stringType()
                    .defaultValue("reelflow")
                    .withDescription(
                            "Consumer group of the request source (offsets live in checkpoints).");

    public static final ConfigOption<String> REQUESTS_TOPIC =
            key("reelflow.topics.requests")
                    .stringType()
                    .defaultValue("reelflow.requests")
                    .withDescription("Topic the job reads requests from.");

    public static final ConfigOption<String> RESULTS_TOPIC =
            key("reelflow.topics.results")
                    .stringType()
                    .defaultValue("reelflow.results")
                    .withDescription("Topic of final results (written exactly once).");

    public static final ConfigOption<String> STATUS_TOPIC =
            key("reelflow.topics.status")
                    .stringType()
                    .defaultValue("reelflow.status")
                    .withDescription("Topic of progress events.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            key("reelflow.topics.dead-letter")
                    .stringType()
                    .defaultValue("reelflow.dead-letter")
                    .withDescription("Topic of records the job could not accept, with the reason.");

    public static final ConfigOption<String> STARTING_OFFSETS =
            key("reelflow.kafka.starting-offsets")
                    .stringType()
                    .defaultValue("committed")
                    .withDescription(
                            "Where a fresh start reads from: committed (else earliest), earliest or latest.");

    public static final ConfigOption<Boolean> BOUNDED =
            key("reelflow.kafka.bounded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Stop at the offsets that are latest when the job starts (replay and tests).");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            key("reelflow.kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("reelflow-results")
                    .withDescription(
                            "Prefix of the result sink's Kafka transactions; unique per job.");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT =
            key("reelflow.kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(KafkaSinkSettings.DEFAULT_TRANSACTION_TIMEOUT)
                    .withDescription(
                            "Kafka transaction timeout of the result sink. Must exceed the longest"
                                    + " a transaction can wait for its commit (checked at start),"
                                    + " and stay at or below the brokers'"
                                    + " transaction.max.timeout.ms (15 min by default).");

    public static final ConfigOption<Duration> RESTART_ALLOWANCE =
            key("reelflow.kafka.restart-allowance")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(3))
                    .withDescription(
                            "How long a restart may take (restart delay, new task managers,"
                                    + " restoring state) before the result sink commits the"
                                    + " transactions of the last checkpoint; part of the"
                                    + " transaction timeout check.");

    private KafkaOptions() {}
}
