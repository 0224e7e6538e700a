package io.reelflow.connectors.kafka;

import io.reelflow.connectors.internal.Checks;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings of one Kafka sink. The transactional id prefix and timeout only matter for the
 * exactly-once result sink; the prefix must be unique among jobs writing to the same cluster.
 *
 * <pre>{@code
 * KafkaSinkSettings settings = KafkaSinkSettings.builder()
 *         .bootstrapServers("kafka:9092")
 *         .topic("reelflow.results")
 *         .transactionalIdPrefix("reelflow-live")
 *         .build();
 * }</pre>
 */
public final class KafkaSinkSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "reelflow";

    /**
     * Longer than the longest a transaction waits for its commit with the shipped checkpoint
     * settings (the job checks this at start), and below the broker's default {@code
     * transaction.max.timeout.ms} (15 minutes): a producer asking for more is refused. Raise both
     * together if recoveries take longer.
     */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(14);

    private final String bootstrapServers;
    private final String topic;
    private final String transactionalIdPrefix;
    private final Duration transactionTimeout;
    private final String keyPrefix;
    private final Map<String, String> properties;

    private KafkaSinkSettings(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.topic = builder.topic;
        this.transactionalIdPrefix = builder.transactionalIdPrefix;
        this.transactionTimeout = builder.transactionTimeout;
        this.keyPrefix = builder.keyPrefix;
        this.properties = Map.copyOf(builder.properties);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String topic() {
        return topic;
    }

    public String transactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    /**
     * Put before every record key, e.g. {@code replay-7/} so that a replay's records are keyed
     * {@code runId/requestId}; empty by default.
     */
    public String keyPrefix() {
        return keyPrefix;
    }

    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    /** Extra Kafka producer properties, e.g. security settings or compression. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaSinkSettings{bootstrapServers="
                + bootstrapServers
                + ", topic="
                + topic
                + ", transactionalIdPrefix="
                + transactionalIdPrefix
                + ", transactionTimeout="
                + transactionTimeout
                + ", keyPrefix="
                + keyPrefix
                + ", properties="
                + Checks.maskSecrets(properties)
                + '}';
    }

    /** Collects and validates {@link KafkaSinkSettings}. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic;
        private String transactionalIdPrefix = DEFAULT_TRANSACTIONAL_ID_PREFIX;
        private Duration transactionTimeout = DEFAULT_TRANSACTION_TIMEOUT;
        private String keyPrefix = "";
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {}

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** Defaults to {@value #DEFAULT_TRANSACTIONAL_ID_PREFIX}. */
        public Builder transactionalIdPrefix(String transactionalIdPrefix) {
            this.transactionalIdPrefix = transactionalIdPrefix;
            return this;
        }

        /** Defaults to {@link #DEFAULT_TRANSACTION_TIMEOUT}. */
        public Builder transactionTimeout(Duration transactionTimeout) {
            this.transactionTimeout = transactionTimeout;
            return this;
        }

        /** Defaults to none. */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(
                    Checks.requireText(key, "property key"),
                    Objects.requireNonNull(value, "value of property " + key));
            return this;
        }

        public Builder properties(Map<String, String> properties) {
            properties.forEach(this::property);
            return this;
        }

        public KafkaSinkSettings build() {
            Checks.requireText(bootstrapServers, "bootstrapServers");
            Checks.requireText(topic, "topic");
            Checks.requireText(transactionalIdPrefix, "transactionalIdPrefix");
            Checks.requirePositive(transactionTimeout, "transactionTimeout");
            if (transactionTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "transactionTimeout must fit in an int of milliseconds (got "
                                + transactionTimeout
                                + ")");
            }
            return new KafkaSinkSettings(this);
        }
    }
}
