package io.reelflow.operators.render.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Wall-clock time of a render's steps on its own thread, one lap after another, for the log line
 * that tells which step holds the render up (`benchmarks/README.md`, end to end). Steps that run
 * beside the render's thread are reported by their own figures, not here. Not thread-safe.
 */
public final class StepTimes {

    private final LongSupplier nanoClock;
    private final long start;
    private final List<String> laps = new ArrayList<>();
    private long last;

    public StepTimes() {
        this(System::nanoTime);
    }

    StepTimes(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.last = start;
    }

    /** Ends the step under way, named {@code step}, and starts the next. */
    public void lap(String step) {
        long now = nanoClock.getAsLong();
        laps.add(step + " " + TimeUnit.NANOSECONDS.toMillis(now - last) + " ms");
        last = now;
    }

    /** Milliseconds since this timer started. */
    public long totalMillis() {
        return TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - start);
    }

    /** E.g. {@code "downloads 120 ms, picture 9800 ms; total 9920 ms"}. */
    @Override
    public String toString() {
        return String.join(", ", laps) + "; total " + totalMillis() + " ms";
    }
}
