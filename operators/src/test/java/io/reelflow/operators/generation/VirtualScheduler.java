package io.reelflow.operators.generation;

import io.reelflow.operators.generation.internal.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A {@link Scheduler} on virtual time for tests: delays are timers in a queue, and {@link
 * #runUntilDone} fires them in time order on the test thread, so minutes of polling and backoff run
 * in milliseconds, deterministically.
 */
final class VirtualScheduler implements Scheduler {
    static final Instant EPOCH = Instant.parse("2026-12-01T00:00:00Z");

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Duration> delays = new ArrayList<>();
    private Instant now = EPOCH;
    private long sequence;

    private record Timer(Instant at, long sequence, CompletableFuture<Void> future)
            implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** A clock that reads this scheduler's time. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized CompletableFuture<Void> after(Duration delay) {
        delays.add(delay);
        CompletableFuture<Void> future = new CompletableFuture<>();
        timers.add(new Timer(now.plus(delay), sequence++, future));
        return future;
    }

    @Override
    public AutoCloseable every(Duration interval, Runnable task) {
        return () -> {};
    }

    /** Every delay asked for, in order. */
    synchronized List<Duration> delays() {
        return new ArrayList<>(delays);
    }

    /** Fires timers in time order until every future is done or no timer is left. */
    void runUntilDone(Future<?>... futures) {
        while (!allDone(futures)) {
            Timer next;
            synchronized (this) {
                next = timers.poll();
                if (next == null) {
                    return;
                }
                if (next.at.isAfter(now)) {
                    now = next.at;
                }
            }
            next.future.complete(null);
        }
    }

    /** Fires every timer due up to {@code duration} from now. */
    void advance(Duration duration) {
        Instant until = now().plus(duration);
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.at.isAfter(until)) {
                    now = until;
                    return;
                }
                timers.poll();
                now = next.at.isAfter(now) ? next.at : now;
            }
            next.future.complete(null);
        }
    }

    private static boolean allDone(Future<?>... futures) {
        for (Future<?> future : futures) {
            if (!future.isDone()) {
                return false;
            }
        }
        return true;
    }
}
