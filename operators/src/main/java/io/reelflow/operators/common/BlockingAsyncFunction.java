package io.reelflow.operators.common;

import io.reelflow.schemas.codec.AvroClassTrust;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Runs blocking work (FFmpeg, S3, HTTP) for Flink async I/O on a bounded pool of its own, so the
 * task thread — and with it checkpointing — never waits on it. Every input yields exactly one
 * output: failures, timeouts and a full pool become an output too (a fallback or a failed result),
 * never a job failure. A timed-out input's work is cancelled: its {@link Cancellation} is set and
 * its thread interrupted, so work that checks either stops and frees its thread; work that must not
 * take effect after a timeout (uploads) commits through the token before it does. Each stage
 * reports its latency, inputs in flight, failures and timeouts ({@link StageMetrics}) under its
 * {@link #stage()} name.
 */
public abstract class BlockingAsyncFunction<IN, OUT> extends RichAsyncFunction<IN, OUT> {
    private final int threads;
    private final int queueCapacity;

    private transient ExecutorService executor;
    private transient Map<IN, Pending<OUT>> running;
    private transient StageMetrics metrics;

    /**
     * @param threads threads working at once per subtask
     * @param queueCapacity inputs waiting for a thread; at least the async operator's capacity
     */
    protected BlockingAsyncFunction(int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads and queueCapacity must be positive");
        }
        this.threads = threads;
        this.queueCapacity = queueCapacity;
    }

    /** Inputs in flight at once: the async operator's capacity, and the pool's queue. */
    public int capacity() {
        return queueCapacity;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        AvroClassTrust.install();
        String name =
                getClass().getSimpleName()
                        + "-"
                        + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        AtomicInteger counter = new AtomicInteger();
        running = Collections.synchronizedMap(new IdentityHashMap<>());
        metrics =
                StageMetrics.register(
                        ReelflowMetrics.group(getRuntimeContext()), stage(), running::size);
        executor =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        60,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(queueCapacity),
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, name + "-" + counter.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        openResources();
    }

    /**
     * The stage's name in metrics (the label {@code stage}): short and stable, of {@code [a-z0-9_]}
     * (Prometheus's reporter turns other characters of a label value into {@code _}). By default
     * the class name without {@code Function}.
     */
    protected String stage() {
        return getClass().getSimpleName().replaceFirst("Function$", "");
    }

    /** Creates clients and stores; called once per subtask after the executor exists. */
    protected abstract void openResources() throws Exception;

    /** The blocking work for one input. */
    protected abstract OUT process(IN input) throws Exception;

    /**
     * The blocking work for one input, stopping when {@code cancellation} is cancelled (the input
     * timed out). Override it for long work; by default it runs {@link #process(Object)}.
     */
    protected OUT process(IN input, Cancellation cancellation) throws Exception {
        return process(input);
    }

    /** The output for an input whose work threw, or that the pool refused. */
    protected abstract OUT onFailure(IN input, Throwable failure);

    /** The output for an input whose work outlived the async timeout. */
    protected abstract OUT onTimeout(IN input);

    /** Releases what {@link #openResources()} created. */
    protected abstract void closeResources() throws Exception;

    @Override
    public final void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) {
        Pending<OUT> pending = new Pending<>(resultFuture, metrics);
        FutureTask<Void> work =
                new FutureTask<>(
                        () -> pending.complete(outputOf(input, pending.cancellation)), null);
        pending.work = work;
        // Registered before it runs, so a fast task always finds (and removes) its own entry.
        running.put(input, pending);
        try {
            executor.execute(work);
        } catch (RejectedExecutionException rejected) {
            // A full or closing pool is a failure of this input, never of the task.
            running.remove(input);
            metrics.failed();
            pending.complete(onFailure(input, rejected));
        }
    }

    private OUT outputOf(IN input, Cancellation cancellation) {
        try {
            return process(input, cancellation);
        } catch (Throwable failure) {
            if (!cancellation.isCancelled()) {
                // A timed-out input's interrupted work is counted as a timeout, not a failure.
                metrics.failed();
            }
            return onFailure(input, failure);
        } finally {
            running.remove(input);
        }
    }

    /**
     * Completes with {@link #onTimeout}, cancels and interrupts the input's work, so a timed-out
     * input stops holding a thread (and what it was doing is not silently left running).
     */
    @Override
    public final void timeout(IN input, ResultFuture<OUT> resultFuture) {
        Pending<OUT> pending = running.remove(input);
        if (pending == null) {
            // The work finished as the timer fired: its output is the result.
            return;
        }
        if (!pending.cancellation.cancel()) {
            // The work committed its result just before: it completes the future itself.
            return;
        }
        if (pending.claim()) {
            pending.work.cancel(true);
            metrics.timedOut();
            resultFuture.complete(List.of(onTimeout(input)));
        }
    }

    /** Inputs whose work has not finished, by identity: Flink hands {@link #timeout} the same. */
    int running() {
        return running.size();
    }

    /** One input's result future and work; whichever of work and timeout claims it completes it. */
    private static final class Pending<OUT> {
        private final ResultFuture<OUT> resultFuture;
        private final StageMetrics metrics;
        private final long start = StageMetrics.start();
        private final AtomicBoolean completed = new AtomicBoolean();
        private final Cancellation cancellation = new Cancellation();
        private volatile Future<?> work;

        Pending(ResultFuture<OUT> resultFuture, StageMetrics metrics) {
            this.resultFuture = resultFuture;
            this.metrics = metrics;
        }

        boolean claim() {
            return completed.compareAndSet(false, true);
        }

        void complete(OUT output) {
            if (claim()) {
                metrics.completed(start);
                resultFuture.complete(List.of(output));
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            closeResources();
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }
}
