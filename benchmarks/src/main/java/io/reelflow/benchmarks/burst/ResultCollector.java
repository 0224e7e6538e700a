package io.reelflow.benchmarks.burst;

import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the results topic with {@code read_committed} from the beginning, as a client would, and
 * notes when each request's result first became visible: the end of its end-to-end latency. Only
 * the first result per request is kept (a few hundred bytes each); later ones are counted.
 */
final class ResultCollector implements AutoCloseable {

    /** A result and the wall-clock time this consumer first saw it. */
    record Seen(long seenAtMillis, VideoResult result) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Seen> first = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    ResultCollector(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "burst-results");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    records.incrementAndGet();
                    try {
                        VideoResult result = RecordJson.fromJson(record.value(), VideoResult.class);
                        first.putIfAbsent(result.getRequestId().toString(), new Seen(now, result));
                    } catch (Exception e) {
                        unreadable.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up.
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Requests with a committed result so far. */
    int distinct() {
        return first.size();
    }

    /** Result records read, every one counted. */
    long records() {
        return records.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    /** The first result of each request, by request id: a copy. */
    Map<String, Seen> results() {
        return Map.copyOf(first);
    }

    /** Why the consumer stopped, or null while it runs. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (thread.isAlive()) {
            consumer.wakeup();
            thread.join(10_000);
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
