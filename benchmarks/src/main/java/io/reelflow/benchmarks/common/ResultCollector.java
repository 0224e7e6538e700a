package io.reelflow.benchmarks.common;

import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the results topic with {@code read_committed} from the beginning, as a client would, and
 * notes when each request's result first became visible: the end of its end-to-end latency. Only
 * the first result per request is kept (a few hundred bytes each); later ones are counted.
 */
public final class ResultCollector implements AutoCloseable {

    /** A result and the wall-clock time this consumer first saw it. */
    public record Seen(long seenAtMillis, VideoResult result) {}

    private final Map<String, Seen> first = new ConcurrentHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final TopicTail tail;

    public ResultCollector(String bootstrapServers, String topic) {
        tail = new TopicTail(bootstrapServers, topic, true, this::read);
    }

    public void start() {
        tail.start();
    }

    private void read(long seenAt, byte[] value) {
        try {
            VideoResult result = RecordJson.fromJson(value, VideoResult.class);
            first.putIfAbsent(result.getRequestId().toString(), new Seen(seenAt, result));
        } catch (Exception e) {
            unreadable.incrementAndGet();
        }
    }

    /** Requests with a committed result so far. */
    public int distinct() {
        return first.size();
    }

    /** Result records read, every one counted. */
    public long records() {
        return tail.records();
    }

    public long unreadable() {
        return unreadable.get();
    }

    /** The first result of one request, or null. */
    public Seen get(String requestId) {
        return first.get(requestId);
    }

    /** The first result of each request, by request id: a copy. */
    public Map<String, Seen> results() {
        return Map.copyOf(first);
    }

    /** Why the consumer stopped, or null while it runs. */
    public Throwable failure() {
        return tail.failure();
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
