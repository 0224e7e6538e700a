package io.reelflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests for {@link EmbeddedKafkaBroker}. */
class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldCreateTopicsWithTheRequestedPartitions() throws Exception {
        kafka.createTopics(3, "three-partitions");
        kafka.createTopics("default-partitions");
        // Creating an existing topic again is allowed and keeps it as it is.
        kafka.createTopics(1, "three-partitions");

        try (Admin admin =
                Admin.create(
                        java.util.Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            var descriptions =
                    admin.describeTopics(List.of("three-partitions", "default-partitions"))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS);
            assertThat(descriptions.get("three-partitions").partitions()).hasSize(3);
            assertThat(descriptions.get("default-partitions").partitions())
                    .hasSize(EmbeddedKafkaBroker.DEFAULT_PARTITIONS);
            for (TopicDescription description : descriptions.values()) {
                assertThat(description.partitions())
                        .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
            }
        }
        assertThat(kafka.topics()).contains("three-partitions", "default-partitions");
    }

    @Test
    void shouldDeliverProducedRecordToConsumer() {
        kafka.createTopics("plain");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(TestClients.producer(kafka.bootstrapServers()))) {
            producer.send(new ProducerRecord<>("plain", "request-1", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        List<ConsumerRecord<String, String>> records =
                consumeAll("plain", "plain-group", "read_uncommitted", 1);

        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("request-1");
        assertThat(records.get(0).value()).isEqualTo("hello");
    }

    @Test
    void shouldShowOnlyCommittedTransactionsToReadCommittedConsumer() {
        kafka.createTopics(1, "transactional");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        TestClients.transactionalProducer(
                                kafka.bootstrapServers(), "test-transactions"))) {
            producer.initTransactions();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "a", "aborted"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "c", "committed"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> committed =
                consumeAll("transactional", "committed-group", "read_committed", 1);
        List<ConsumerRecord<String, String>> everything =
                consumeAll("transactional", "uncommitted-group", "read_uncommitted", 2);

        assertThat(committed).extracting(ConsumerRecord::value).containsExactly("committed");
        assertThat(everything)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("aborted", "committed");
    }

    @Test
    void shouldAutoCreateTopicOnFirstWrite() throws Exception {
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(TestClients.producer(kafka.bootstrapServers()))) {
            producer.send(new ProducerRecord<>("auto-created", "k", "v")).get(30, TimeUnit.SECONDS);
        }

        assertThat(kafka.topics()).contains("auto-created");
    }

    @Test
    void shouldStopWithoutLeavingNonDaemonThreadsAndDeleteTemporaryLogs() throws Exception {
        Set<Long> before = TestClients.nonDaemonThreadIds();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        broker.createTopics("short-lived");
        var logDirectory = broker.logDirectory();
        assertThat(logDirectory).isDirectory();

        broker.close();

        assertThat(TestClients.nonDaemonThreadsLeftSince(before)).isEmpty();
        assertThat(logDirectory).doesNotExist();
    }

    @Test
    void shouldComeBackOnTheSameAddressWithItsRecordsAfterStopAndRestart() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(1, "kept-across-restart");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(TestClients.producer(broker.bootstrapServers()))) {
                producer.send(new ProducerRecord<>("kept-across-restart", "k", "before"))
                        .get(30, TimeUnit.SECONDS);
            }
            String address = broker.bootstrapServers();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(broker.logDirectory()).isDirectory();
            broker.restart();

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            assertThat(consumeAll(broker, "kept-across-restart", "after-restart", 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before");
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(
            String topic, String group, String isolation, int expected) {
        return consumeAll(kafka, topic, group, isolation, expected);
    }

    private static List<ConsumerRecord<String, String>> consumeAll(
            EmbeddedKafkaBroker broker, String topic, String group, int expected) {
        return consumeAll(broker, topic, group, "read_committed", expected);
    }

    // Polls until `expected` records arrived, or gives up after 30 seconds with what it has.
    private static List<ConsumerRecord<String, String>> consumeAll(
            EmbeddedKafkaBroker broker,
            String topic,
            String group,
            String isolation,
            int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        TestClients.consumer(broker.bootstrapServers(), group, isolation))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll: a record beyond `expected` (for example an aborted one) would show.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
