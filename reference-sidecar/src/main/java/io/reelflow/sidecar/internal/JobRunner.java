package io.reelflow.sidecar.internal;

import io.reelflow.sidecar.ClipSynthesizer;
import io.reelflow.sidecar.Faults;
import io.reelflow.sidecar.internal.FakeJob.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on a fixed number of slots, the rest waiting in a bounded queue, as a GPU server runs
 * one or a few generations at once: each job takes the configured time (plus what its prompt asks
 * for), reporting progress, then fails if told to or synthesizes its clip or still.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long PROGRESS_STEP_MILLIS = 50;

    private final ThreadPoolExecutor slots;
    private final Faults faults;
    private final ClipSynthesizer synthesizer;
    private final Path workDirectory;
    private final SidecarStats stats;

    public JobRunner(
            int slotCount,
            int queueCapacity,
            Faults faults,
            ClipSynthesizer synthesizer,
            Path workDirectory,
            SidecarStats stats) {
        BlockingQueue<Runnable> queue =
                queueCapacity == 0
                        ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(queueCapacity);
        this.slots =
                new ThreadPoolExecutor(
                        slotCount,
                        slotCount,
                        0,
                        TimeUnit.MILLISECONDS,
                        queue,
                        Threads.named("reference-sidecar-slot"),
                        new ThreadPoolExecutor.AbortPolicy());
        this.faults = faults;
        this.synthesizer = synthesizer;
        this.workDirectory = workDirectory;
        this.stats = stats;
    }

    /**
     * Queues the job.
     *
     * @throws RejectedExecutionException when every slot is busy and the queue is full
     */
    public void submit(FakeJob job) {
        FutureTask<Void> task = new FutureTask<>(() -> run(job), null);
        job.future = task;
        slots.execute(task);
    }

    /**
     * Stops the job: a queued one never runs, a running one is interrupted. Its result, if any, is
     * deleted.
     *
     * @return true if the job was queued or running
     */
    public boolean cancel(FakeJob job) {
        boolean live = job.phase == Phase.QUEUED || job.phase == Phase.RUNNING;
        job.cancelRequested = true;
        if (job.future instanceof FutureTask<?> task) {
            slots.remove(task);
            task.cancel(true);
        }
        if (live && job.phase == Phase.QUEUED) {
            // Removed from the queue before it started: the runner will never finish it.
            job.finish(Phase.CANCELLED);
        }
        deleteOutput(job);
        return live;
    }

    public int running() {
        return slots.getActiveCount();
    }

    public int queued() {
        return slots.getQueue().size();
    }

    private void run(FakeJob job) {
        if (job.cancelRequested) {
            return;
        }
        job.startedAt = Instant.now();
        job.phase = Phase.RUNNING;
        try {
            waitJobTime(job);
            String failure = job.directives().failure();
            if (failure == null && faults.takeJobFailure()) {
                failure = "injected job failure (fault injection of the reference sidecar)";
            }
            if (failure != null) {
                job.error = failure;
                stats.jobFailed();
                job.finish(Phase.FAILED);
                return;
            }
            Path output = synthesize(job);
            if (job.cancelRequested) {
                Files.deleteIfExists(output);
                job.finish(Phase.CANCELLED);
                return;
            }
            job.output = output;
            job.progress = 1;
            stats.jobCompleted();
            job.finish(Phase.COMPLETED);
        } catch (InterruptedException e) {
            job.finish(Phase.CANCELLED);
        } catch (IOException | RuntimeException e) {
            LOG.error("Job {} failed", job.id(), e);
            job.error = "generation failed: " + e;
            stats.jobFailed();
            job.finish(Phase.FAILED);
        }
    }

    private void waitJobTime(FakeJob job) throws InterruptedException {
        long total = faults.jobTime().plus(job.directives().extraTime()).toMillis();
        long start = System.nanoTime();
        while (true) {
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (elapsed >= total) {
                return;
            }
            // Progress stops short of 1: encoding is the last step.
            job.progress = 0.95 * elapsed / total;
            Thread.sleep(Math.min(PROGRESS_STEP_MILLIS, total - elapsed));
            if (job.cancelRequested) {
                throw new InterruptedException("cancelled");
            }
        }
    }

    private Path synthesize(FakeJob job) throws IOException {
        Path target =
                Files.createTempFile(workDirectory, job.id() + "-", job.still() ? ".png" : ".mp4");
        try {
            if (job.still()) {
                synthesizer.synthesizeStill(job.clip(), target);
            } else {
                synthesizer.synthesize(job.clip(), target);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private static void deleteOutput(FakeJob job) {
        Path output = job.output;
        if (output != null) {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", output, e);
            }
        }
    }

    @Override
    public void close() {
        slots.shutdownNow();
        try {
            if (!slots.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Reference sidecar slots still running after stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
