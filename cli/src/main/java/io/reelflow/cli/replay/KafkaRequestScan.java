package io.reelflow.cli.replay;

import io.reelflow.connectors.kafka.RawRequestDeserializer;
import io.reelflow.operators.request.RequestSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the range of the requests topic a replay will read — from the offsets of {@code since}
 * (else the earliest) to those of {@code until} (else the latest), as the job's bounded source
 * finds them — and keeps the records the selection selects. No consumer group: nothing is
 * committed.
 */
public final class KafkaRequestScan {
    private static final Duration POLL = Duration.ofMillis(500);

    private KafkaRequestScan() {}

    public static List<SelectedRequest> scan(
            String bootstrapServers, String topic, RequestSelection selection) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<SelectedRequest> selected = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start =
                    selection.since().isPresent()
                            ? offsetsAt(consumer, partitions, selection.since().get(), end)
                            : consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> stop =
                    selection.until().isPresent()
                            ? offsetsAt(consumer, partitions, selection.until().get(), end)
                            : end;
            consumer.assign(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (start.get(partition) < stop.get(partition)) {
                    consumer.seek(partition, start.get(partition));
                    remaining.put(partition, stop.get(partition));
                }
            }
            consumer.assign(remaining.keySet());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(topic, record.partition());
                    Long limit = remaining.get(partition);
                    if (limit == null || record.offset() >= limit) {
                        continue;
                    }
                    var raw = RawRequestDeserializer.toRawRequest(record);
                    if (selection.selects(raw)) {
                        selected.add(SelectedRequest.of(raw));
                    }
                }
                // Positions, not records, end a partition: transaction markers take offsets too.
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                consumer.assign(remaining.keySet());
            }
        }
        return selected;
    }

    /** The first offset at or after {@code time}, else the end (as the job's source decides). */
    private static Map<TopicPartition, Long> offsetsAt(
            KafkaConsumer<?, ?> consumer,
            List<TopicPartition> partitions,
            Instant time,
            Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            offsets.put(partition, at == null ? end.get(partition) : at.offset());
        }
        return offsets;
    }
}
