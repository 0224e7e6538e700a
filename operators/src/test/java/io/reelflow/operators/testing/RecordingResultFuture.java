package io.reelflow.operators.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/** A result future that remembers what it was completed with, and how often. */
public final class RecordingResultFuture<T> implements ResultFuture<T> {
    public final CompletableFuture<List<T>> result = new CompletableFuture<>();
    private volatile int completions;

    @Override
    public synchronized void complete(Collection<T> outputs) {
        completions++;
        result.complete(new ArrayList<>(outputs));
    }

    @Override
    public void completeExceptionally(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void complete(CollectionSupplier<T> supplier) {
        try {
            complete(supplier.get());
        } catch (Exception e) {
            completeExceptionally(e);
        }
    }

    /** What it was completed with so far; empty before. */
    public List<T> outputs() {
        return result.getNow(List.of());
    }

    public int completions() {
        return completions;
    }
}
