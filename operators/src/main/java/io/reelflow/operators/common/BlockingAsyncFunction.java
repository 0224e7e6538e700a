package io.reelflow.operators.common;

import io.reelflow.schemas.codec.AvroClassTrust;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Runs blocking work (FFmpeg, S3, HTTP) for Flink async I/O on a bounded pool of its own, so the
 * task thread — and with it checkpointing — never waits on it. Every input yields exactly one
 * output: failures and timeouts become an output too (a fallback or a failed result), never a job
 * failure.
 */
public abstract class BlockingAsyncFunction<IN, OUT> extends RichAsyncFunction<IN, OUT> {
    private final int threads;
    private final int queueCapacity;

    private transient ExecutorService executor;

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

    /** Creates clients and stores; called once per subtask after the executor exists. */
    protected abstract void openResources() throws Exception;

    /** The blocking work for one input. */
    protected abstract OUT process(IN input) throws Exception;

    /** The output for an input whose work threw. */
    protected abstract OUT onFailure(IN input, Throwable failure);

    /** The output for an input whose work outlived the async timeout. */
    protected abstract OUT onTimeout(IN input);

    /** Releases what {@link #openResources()} created. */
    protected abstract void closeResources() throws Exception;

    @Override
    public final void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) {
        CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return process(input);
                            } catch (Throwable failure) {
                                return onFailure(input, failure);
                            }
                        },
                        executor)
                .whenComplete(
                        (output, failure) ->
                                resultFuture.complete(
                                        List.of(
                                                failure == null
                                                        ? output
                                                        : onFailure(input, failure))));
    }

    @Override
    public final void timeout(IN input, ResultFuture<OUT> resultFuture) {
        resultFuture.complete(List.of(onTimeout(input)));
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
