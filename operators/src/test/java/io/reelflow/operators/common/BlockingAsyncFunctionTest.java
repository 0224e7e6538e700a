package io.reelflow.operators.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.RecordingMetricGroup;
import io.reelflow.operators.testing.RecordingResultFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link BlockingAsyncFunction}. */
class BlockingAsyncFunctionTest {
    private static final String STAGE = "reelflow.stage.Gate.";

    private final Gate function = new Gate();
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();

    @BeforeEach
    void open() throws Exception {
        function.setRuntimeContext(metrics.runtimeContext());
        function.open(DefaultOpenContext.INSTANCE);
    }

    @AfterEach
    void close() throws Exception {
        function.release.countDown();
        function.close();
    }

    @Test
    void shouldTurnARejectionByAFullPoolIntoAFailureOutput() throws Exception {
        RecordingResultFuture<String> busy = new RecordingResultFuture<>();
        RecordingResultFuture<String> queued = new RecordingResultFuture<>();
        RecordingResultFuture<String> rejected = new RecordingResultFuture<>();

        function.asyncInvoke("busy", busy);
        assertThat(function.started.await(5, TimeUnit.SECONDS)).isTrue();
        function.asyncInvoke("queued", queued);
        function.asyncInvoke("rejected", rejected);

        assertThat(rejected.outputs())
                .containsExactly("failed rejected: RejectedExecutionException");
        assertThat(busy.outputs()).isEmpty();
        assertThat(metrics.gauge(STAGE + "inFlight")).isEqualTo(2);
        function.release.countDown();
        assertThat(busy.result.get(5, TimeUnit.SECONDS)).containsExactly("done busy");
        assertThat(queued.result.get(5, TimeUnit.SECONDS)).containsExactly("done queued");
        assertThat(function.running()).isZero();
        assertThat(metrics.gauge(STAGE + "inFlight")).isEqualTo(0);
        assertThat(metrics.count(STAGE + "failures")).isOne();
        assertThat(metrics.histogram(STAGE + "latencyMillis").getCount())
                .as("every output is timed")
                .isEqualTo(3);
    }

    @Test
    void shouldInterruptTheWorkOfATimedOutInputAndCompleteOnce() throws Exception {
        RecordingResultFuture<String> slow = new RecordingResultFuture<>();
        String input = "slow";

        function.asyncInvoke(input, slow);
        assertThat(function.started.await(5, TimeUnit.SECONDS)).isTrue();
        function.timeout(input, slow);

        assertThat(function.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.outputs()).containsExactly("timed out slow");
        assertThat(slow.completions()).isEqualTo(1);
        assertThat(function.running()).isZero();
        assertThat(metrics.count(STAGE + "timeouts")).isOne();
        assertThat(function.failureHandled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(metrics.count(STAGE + "failures"))
                .as("the interrupted work of a timed-out input is no failure")
                .isZero();
    }

    @Test
    void shouldIgnoreATimeoutThatFiresAfterTheWorkFinished() throws Exception {
        RecordingResultFuture<String> fast = new RecordingResultFuture<>();
        function.release.countDown();

        function.asyncInvoke("fast", fast);
        assertThat(fast.result.get(5, TimeUnit.SECONDS)).containsExactly("done fast");
        function.timeout("fast", fast);

        assertThat(fast.completions()).isEqualTo(1);
    }

    @Test
    void shouldLeaveWorkThatCommittedItsResultToCompleteItself() throws Exception {
        RecordingResultFuture<String> committed = new RecordingResultFuture<>();

        function.asyncInvoke("committed", committed);
        assertThat(function.started.await(5, TimeUnit.SECONDS)).isTrue();
        function.timeout("committed", committed);

        assertThat(committed.outputs()).isEmpty();
        function.release.countDown();
        assertThat(committed.result.get(5, TimeUnit.SECONDS)).containsExactly("done committed");
        assertThat(committed.completions()).isEqualTo(1);
    }

    /** One thread, one queue slot; work waits on {@link #release} and reports interrupts. */
    private static final class Gate extends BlockingAsyncFunction<String, String> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final CountDownLatch failureHandled = new CountDownLatch(1);

        Gate() {
            super(1, 1);
        }

        @Override
        protected void openResources() {}

        @Override
        protected String process(String input) throws InterruptedException {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "done " + input;
        }

        /** Inputs named "committed..." commit before they wait, as a render after its uploads. */
        @Override
        protected String process(String input, Cancellation cancellation) throws Exception {
            if (input.startsWith("committed")) {
                cancellation.commit();
            }
            return process(input);
        }

        @Override
        protected String onFailure(String input, Throwable failure) {
            failureHandled.countDown();
            return "failed " + input + ": " + failure.getClass().getSimpleName();
        }

        @Override
        protected String onTimeout(String input) {
            return "timed out " + input;
        }

        @Override
        protected void closeResources() {}
    }
}
