package io.reelflow.sidecar.internal;

import io.reelflow.sidecar.ClipRequest;
import io.reelflow.sidecar.SubmissionKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One job of any protocol, as the {@link JobRunner} runs it; each protocol's API renders it in its
 * own shape. Fields the runner changes are volatile: the HTTP threads read them while it runs.
 */
public final class FakeJob {

    /** Where a job is; each protocol names these its own way. */
    public enum Phase {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED,
        CANCELLED
    }

    private final String id;
    private final String origin;
    private final long number;
    private final ClipRequest clip;
    private final boolean still;
    private final SubmissionKey key;
    private final Directives directives;
    private final Map<String, Object> attributes;
    private final Instant createdAt = Instant.now();
    private final CompletableFuture<FakeJob> finished = new CompletableFuture<>();

    volatile Phase phase = Phase.QUEUED;
    volatile double progress;
    volatile Path output;
    volatile String error;
    volatile Instant startedAt;
    volatile Instant completedAt;
    volatile boolean cancelRequested;
    volatile Future<?> future;

    /**
     * @param origin the protocol dialect that made the job (e.g. {@code vllm-omni}, {@code
     *     comfyui})
     * @param number submission order, as ComfyUI numbers its queue
     * @param attributes what the protocol wants echoed back (model, workflow, client id, …)
     */
    public FakeJob(
            String id,
            String origin,
            long number,
            ClipRequest clip,
            boolean still,
            SubmissionKey key,
            Directives directives,
            Map<String, Object> attributes) {
        this.id = id;
        this.origin = origin;
        this.number = number;
        this.clip = clip;
        this.still = still;
        this.key = key;
        this.directives = directives;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public String id() {
        return id;
    }

    public String origin() {
        return origin;
    }

    public long number() {
        return number;
    }

    public ClipRequest clip() {
        return clip;
    }

    public boolean still() {
        return still;
    }

    public SubmissionKey key() {
        return key;
    }

    public Directives directives() {
        return directives;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Phase phase() {
        return phase;
    }

    /** 0 to 1. */
    public double progress() {
        return progress;
    }

    /** The result file once completed. */
    public Path output() {
        return output;
    }

    public String error() {
        return error;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** Seconds from start to end, once finished; what the servers report as inference time. */
    public Double inferenceSeconds() {
        Instant start = startedAt;
        Instant end = completedAt;
        return start == null || end == null
                ? null
                : Duration.between(start, end).toMillis() / 1000.0;
    }

    public boolean interrupted() {
        return cancelRequested && phase == Phase.CANCELLED;
    }

    /** Completes when the job has completed, failed or been cancelled. */
    public CompletableFuture<FakeJob> finished() {
        return finished;
    }

    void finish(Phase terminal) {
        // Times first: readers that see the phase must see its time.
        completedAt = Instant.now();
        phase = terminal;
        finished.complete(this);
    }
}
