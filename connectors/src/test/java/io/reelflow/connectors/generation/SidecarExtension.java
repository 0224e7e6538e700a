package io.reelflow.connectors.generation;

import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.JobState;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts reference sidecars (the fakes of the model servers) and clients for a test, and closes
 * them after it; plus the waiting that contract tests need.
 */
final class SidecarExtension implements AfterEachCallback {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final List<AutoCloseable> opened = new ArrayList<>();

    ReferenceSidecarServer start(SidecarOptions options) throws Exception {
        ReferenceSidecarServer sidecar = ReferenceSidecarServer.start(options.withPort(0));
        opened.add(sidecar);
        return sidecar;
    }

    <T extends AutoCloseable> T open(T client) {
        opened.add(client);
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }

    /** Polls until the job's state matches; fails after {@link #WAIT}. */
    static GenerationJob pollUntil(GenerationClient client, String id, Predicate<JobState> done)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JobState> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            GenerationJob job = await(client.poll(id));
            seen.add(job.state());
            if (done.test(job.state())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " stayed in " + seen);
    }

    /** Waits until the sidecar runs {@code jobs} jobs (its slots are taken). */
    static void awaitRunning(ReferenceSidecarServer sidecar, int jobs) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (((Number) sidecar.stats().get("running")).intValue() >= jobs) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sidecar never ran " + jobs + " jobs");
    }

    static GenerationJob awaitFinished(GenerationClient client, String id) throws Exception {
        return pollUntil(client, id, JobState::finished);
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The {@link GenerationException} a future failed with. */
    static GenerationException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof GenerationException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                return (GenerationException) cause;
            }
            throw e;
        }
        throw new AssertionError("the call succeeded");
    }
}
