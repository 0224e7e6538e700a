package io.reelflow.operators.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link BlockingAsyncFunction}. */
class BlockingAsyncFunctionTest {
    private final Gate function = new Gate();

    @BeforeEach
    void open() throws Exception {
        function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        function.open(DefaultOpenContext.INSTANCE);
    }

    @AfterEach
    void close() throws Exception {
        function.release.countDown();
        function.close();
    }

    @Test
    void shouldTurnARejectionByAFullPoolIntoAFailureOutput() throws Exception {
        Recorder busy = new Recorder();
        Recorder queued = new Recorder();
        Recorder rejected = new Recorder();

        function.asyncInvoke("busy", busy);
        assertThat(function.started.await(5, TimeUnit.SECONDS)).isTrue();
        function.asyncInvoke("queued", queued);
        function.asyncInvoke("rejected", rejected);

        assertThat(rejected.outputs())
                .containsExactly("failed rejected: RejectedExecutionException");
        assertThat(busy.outputs()).isEmpty();
        function.release.countDown();
        assertThat(busy.result.get(5, TimeUnit.SECONDS)).containsExactly("done busy");
        assertThat(queued.result.get(5, TimeUnit.SECONDS)).containsExactly("done queued");
        assertThat(function.running()).isZero();
    }

    @Test
    void shouldInterruptTheWorkOfATimedOutInputAndCompleteOnce() throws Exception {
        Recorder slow = new Recorder();
        String input = "slow";

        function.asyncInvoke(input, slow);
        assertThat(function.started.await(5, TimeUnit.SECONDS)).isTrue();
        function.timeout(input, slow);

        assertThat(function.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.outputs()).containsExactly("timed out slow");
        assertThat(slow.completions).isEqualTo(1);
        assertThat(function.running()).isZero();
    }

    @Test
    void shouldIgnoreATimeoutThatFiresAfterTheWorkFinished() throws Exception {
        Recorder fast = new Recorder();
        function.release.countDown();

        function.asyncInvoke("fast", fast);
        assertThat(fast.result.get(5, TimeUnit.SECONDS)).containsExactly("done fast");
        function.timeout("fast", fast);

        assertThat(fast.completions).isEqualTo(1);
    }

    /** One thread, one queue slot; work waits on {@link #release} and reports interrupts. */
    private static final class Gate extends BlockingAsyncFunction<String, String> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

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

        @Override
        protected String onFailure(String input, Throwable failure) {
            return "failed " + input + ": " + failure.getClass().getSimpleName();
        }

        @Override
        protected String onTimeout(String input) {
            return "timed out " + input;
        }

        @Override
        protected void closeResources() {}
    }

    /** A result future that remembers what it was completed with, and how often. */
    private static final class Recorder implements ResultFuture<String> {
        final CompletableFuture<List<String>> result = new CompletableFuture<>();
        volatile int completions;

        @Override
        public synchronized void complete(Collection<String> outputs) {
            completions++;
            result.complete(new ArrayList<>(outputs));
        }

        @Override
        public void completeExceptionally(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void complete(CollectionSupplier<String> supplier) {
            try {
                complete(supplier.get());
            } catch (Exception e) {
                completeExceptionally(e);
            }
        }

        List<String> outputs() {
            return result.getNow(List.of());
        }
    }
}
