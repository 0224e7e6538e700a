package io.reelflow.connectors.kafka;

import io.reelflow.connectors.internal.Checks;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of the request source. Only the bootstrap servers are required.
 *
 * <pre>{@code
 * KafkaSourceSettings settings = KafkaSourceSettings.builder()
 *         .bootstrapServers("kafka:9092")
 *         .startingOffsets(KafkaOffsets.earliest())
 *         .stopAt(KafkaOffsets.latest()) // bounded, for replay
 *         .build();
 * }</pre>
 */
public final class KafkaSourceSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_TOPIC = "reelflow.requests";
    public static final String DEFAULT_GROUP_ID = "reelflow";

    private final String bootstrapServers;
    private final String topic;
    private final String groupId;
    private final KafkaOffsets startingOffsets;
    private final KafkaOffsets stoppingOffsets;
    private final Map<String, String> properties;

    private KafkaSourceSettings(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.topic = builder.topic;
        this.groupId = builder.groupId;
        this.startingOffsets = builder.startingOffsets;
        this.stoppingOffsets = builder.stoppingOffsets;
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

    public String groupId() {
        return groupId;
    }

    public KafkaOffsets startingOffsets() {
        return startingOffsets;
    }

    /** Where a bounded source stops; empty for an unbounded (streaming) source. */
    public Optional<KafkaOffsets> stoppingOffsets() {
        return Optional.ofNullable(stoppingOffsets);
    }

    /** Extra Kafka consumer properties, e.g. security settings. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaSourceSettings{bootstrapServers="
                + bootstrapServers
                + ", topic="
                + topic
                + ", groupId="
                + groupId
                + ", startingOffsets="
                + startingOffsets
                + ", stoppingOffsets="
                + stoppingOffsets
                + ", properties="
                + Checks.maskSecrets(properties)
                + '}';
    }

    /** Collects and validates {@link KafkaSourceSettings}. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic = DEFAULT_TOPIC;
        private String groupId = DEFAULT_GROUP_ID;
        private KafkaOffsets startingOffsets = KafkaOffsets.committedOrEarliest();
        private KafkaOffsets stoppingOffsets;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {}

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** Defaults to {@value #DEFAULT_TOPIC}. */
        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** Defaults to {@value #DEFAULT_GROUP_ID}. */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** Defaults to {@link KafkaOffsets#committedOrEarliest()}. */
        public Builder startingOffsets(KafkaOffsets startingOffsets) {
            this.startingOffsets = startingOffsets;
            return this;
        }

        /** Makes the source bounded: it stops at these offsets (null = unbounded, the default). */
        public Builder stopAt(KafkaOffsets stoppingOffsets) {
            this.stoppingOffsets = stoppingOffsets;
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

        public KafkaSourceSettings build() {
            Checks.requireText(bootstrapServers, "bootstrapServers");
            Checks.requireText(topic, "topic");
            Checks.requireText(groupId, "groupId");
            if (startingOffsets == null) {
                throw new IllegalArgumentException("startingOffsets must be set");
            }
            if (stoppingOffsets != null) {
                if (stoppingOffsets.kind() == KafkaOffsets.Kind.EARLIEST) {
                    throw new IllegalArgumentException(
                            "stopAt(earliest) would read nothing; use latest, a timestamp or"
                                    + " committed offsets");
                }
                if (startingOffsets.kind() == KafkaOffsets.Kind.TIMESTAMP
                        && stoppingOffsets.kind() == KafkaOffsets.Kind.TIMESTAMP
                        && stoppingOffsets
                                .timestampOrNull()
                                .isBefore(startingOffsets.timestampOrNull())) {
                    throw new IllegalArgumentException(
                            "stopAt timestamp "
                                    + stoppingOffsets.timestampOrNull()
                                    + " is before the starting timestamp "
                                    + startingOffsets.timestampOrNull());
                }
            }
            return new KafkaSourceSettings(this);
        }
    }
}
