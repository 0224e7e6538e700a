package io.reelflow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.testing.TestRecords;
import io.reelflow.embedded.EmbeddedKafkaBroker;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import io.reelflow.schemas.codec.RecordJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link ReelflowKafka} and {@link TopicAdmin} on a MiniCluster and an embedded broker.
 */
class ReelflowKafkaITCase {
    private static final int PARALLELISM = 2;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        AvroClassTrust.install();
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldCreateMissingTopicsOnlyOnce() throws Exception {
        Map<String, Integer> topics = Map.of("admin-a", 3, "admin-b", 1);

        Set<String> first = TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics);
        Set<String> second = TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics);

        assertThat(first).containsExactlyInAnyOrder("admin-a", "admin-b");
        assertThat(second).isEmpty();
        try (Admin admin = Admin.create(adminProperties())) {
            var description = admin.describeTopics(List.of("admin-a")).allTopicNames().get();
            assertThat(description.get("admin-a").partitions()).hasSize(3);
        }
    }

    @Test
    void shouldReadEveryRequestRecordWithItsOriginWhenBounded() throws Exception {
        String topic = "requests-" + UUID.randomUUID();
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), Map.of(topic, 2));
        byte[] garbage = {(byte) 0xFF, 0x00, '{'};
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(
                    new ProducerRecord<>(topic, 0, utf8("r-1"), utf8("{\"requestId\":\"r-1\"}")));
            producer.send(new ProducerRecord<>(topic, 0, utf8("r-2"), garbage));
            producer.send(new ProducerRecord<>(topic, 1, null, utf8("no key")));
            producer.send(new ProducerRecord<>(topic, 1, utf8("r-4"), null));
            producer.flush();
        }
        KafkaSourceSettings settings =
                KafkaSourceSettings.builder()
                        .bootstrapServers(kafka.bootstrapServers())
                        .topic(topic)
                        .groupId("it-" + topic)
                        .startingOffsets(KafkaOffsets.earliest())
                        .stopAt(KafkaOffsets.latest())
                        .build();
        StreamExecutionEnvironment env = environment();

        List<String> read = new ArrayList<>();
        try (CloseableIterator<RawRequest> records =
                env.fromSource(
                                ReelflowKafka.requestSource(settings),
                                WatermarkStrategy.noWatermarks(),
                                "requests")
                        .executeAndCollect("bounded-request-source")) {
            records.forEachRemaining(raw -> read.add(describe(raw)));
        }

        assertThat(read)
                .containsExactlyInAnyOrder(
                        topic + "/0@0 key=r-1 payload={\"requestId\":\"r-1\"}",
                        topic
                                + "/0@1 key=r-2 payload="
                                + new String(garbage, StandardCharsets.UTF_8),
                        topic + "/1@0 key=null payload=no key",
                        topic + "/1@1 key=r-4 payload=null");
    }

    @Test
    void shouldCommitResultsExactlyOnceForReadCommittedConsumers() throws Exception {
        String topic = "results-" + UUID.randomUUID();
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), Map.of(topic, 2));
        List<VideoResult> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(TestRecords.completedResult("res-" + i, TestRecords.COMPLETED_AT));
        }
        StreamExecutionEnvironment env = environment();
        env.enableCheckpointing(200);
        env.fromData(results, new AvroTypeInfo<>(VideoResult.class))
                .rebalance()
                .sinkTo(
                        ReelflowKafka.resultSink(
                                KafkaSinkSettings.builder()
                                        .bootstrapServers(kafka.bootstrapServers())
                                        .topic(topic)
                                        .transactionalIdPrefix("it-" + topic)
                                        .build()))
                .name("results");

        env.execute("exactly-once-results");

        List<ConsumerRecord<byte[], byte[]>> committed = readCommitted(topic, results.size());
        assertThat(committed).hasSize(results.size());
        for (ConsumerRecord<byte[], byte[]> record : committed) {
            VideoResult result = RecordJson.fromJson(record.value(), VideoResult.class);
            assertThat(new String(record.key(), StandardCharsets.UTF_8))
                    .isEqualTo(result.getRequestId());
        }
        assertThat(committed)
                .extracting(r -> RecordJson.fromJson(r.value(), VideoResult.class))
                .containsExactlyInAnyOrderElementsOf(results);
    }

    @Test
    void shouldWriteStatusAndDeadLettersKeyedByRequest() throws Exception {
        String statusTopic = "status-" + UUID.randomUUID();
        String deadLetterTopic = "dead-" + UUID.randomUUID();
        TopicAdmin.ensureTopics(
                kafka.bootstrapServers(), Map.of(statusTopic, 2, deadLetterTopic, 1));
        Instant at = TestRecords.COMPLETED_AT;
        List<StatusEvent> events =
                List.of(
                        TestRecords.status("s-1", Phase.RECEIVED, 0, at),
                        TestRecords.status("s-1", Phase.RENDERED, 80, at.plusSeconds(4)));
        List<DeadLetter> deadLetters =
                List.of(
                        TestRecords.deadLetter("d-1", "raw-key"),
                        TestRecords.deadLetter(null, "raw-key"));
        StreamExecutionEnvironment env = environment();
        env.fromData(events, new AvroTypeInfo<>(StatusEvent.class))
                .sinkTo(ReelflowKafka.statusSink(sinkSettings(statusTopic)))
                .name("status");
        env.fromData(deadLetters, new AvroTypeInfo<>(DeadLetter.class))
                .sinkTo(ReelflowKafka.deadLetterSink(sinkSettings(deadLetterTopic)))
                .name("dead-letters");

        env.execute("at-least-once-sinks");

        assertThat(readCommitted(statusTopic, 2))
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsOnly("s-1");
        assertThat(readCommitted(deadLetterTopic, 2))
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("d-1", "raw-key");
    }

    private static KafkaSinkSettings sinkSettings(String topic) {
        return KafkaSinkSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic(topic)
                .build();
    }

    private static String describe(RawRequest raw) {
        String payload = null;
        if (raw.getPayload() != null) {
            byte[] bytes = new byte[raw.getPayload().remaining()];
            raw.getPayload().duplicate().get(bytes);
            payload = new String(bytes, StandardCharsets.UTF_8);
        }
        return raw.getTopic()
                + "/"
                + raw.getPartition()
                + "@"
                + raw.getOffset()
                + " key="
                + raw.getKey()
                + " payload="
                + payload;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll: anything beyond the expected count would be a duplicate.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new KafkaProducer<>(
                properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return properties;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parallelism 2 and no restarts, so a failing job fails the test instead of looping. */
    private static StreamExecutionEnvironment environment() {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        return env;
    }
}
