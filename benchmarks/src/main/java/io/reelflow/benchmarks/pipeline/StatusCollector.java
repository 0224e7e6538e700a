package io.reelflow.benchmarks.pipeline;

import io.reelflow.benchmarks.common.TopicTail;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.codec.RecordJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the status topic with {@code read_uncommitted}, as a client after the earliest signal
 * would, and keeps each request's events with the time they were read.
 */
final class StatusCollector implements AutoCloseable {

    private final Map<String, List<PhaseTimeline.Event>> events = new ConcurrentHashMap<>();
    private final Map<String, String> terminalMessages = new ConcurrentHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final TopicTail tail;

    StatusCollector(String bootstrapServers, String topic) {
        tail = new TopicTail(bootstrapServers, topic, false, this::read);
    }

    void start() {
        tail.start();
    }

    private void read(long seenAt, byte[] value) {
        try {
            StatusEvent event = RecordJson.fromJson(value, StatusEvent.class);
            String phase = event.getPhase().name();
            String id = event.getRequestId().toString();
            List<PhaseTimeline.Event> list = events.computeIfAbsent(id, k -> new ArrayList<>());
            synchronized (list) {
                list.add(new PhaseTimeline.Event(phase, event.getAt().toEpochMilli(), seenAt));
            }
            if (PhaseTimeline.TERMINAL.contains(phase) && event.getMessage() != null) {
                terminalMessages.putIfAbsent(id, event.getMessage().toString());
            }
        } catch (Exception e) {
            unreadable.incrementAndGet();
        }
    }

    /** The request's events so far: a copy. */
    List<PhaseTimeline.Event> events(String requestId) {
        List<PhaseTimeline.Event> list = events.get(requestId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The message of the request's terminal event, or null. */
    String terminalMessage(String requestId) {
        return terminalMessages.get(requestId);
    }

    long unreadable() {
        return unreadable.get();
    }

    Throwable failure() {
        return tail.failure();
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
