package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting for what a running job does, with a deadline that fails the test. */
final class Poll {
    private Poll() {}

    /**
     * Returns once {@code condition} holds; fails the test when it has not within {@code within}.
     */
    static void until(Duration within, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime())
                    .as("condition met within %s", within)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
