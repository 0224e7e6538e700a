package io.reelflow.operators.generation;

import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.JobState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An in-memory model server for one endpoint: jobs finish after a number of polls, in a scripted
 * state; submissions can be scripted to fail (with Retry-After); it records submissions (with the
 * virtual time), polls, cancellations and the most jobs it ever ran at once. Answers complete
 * synchronously.
 */
final class FakeGenerationClient implements GenerationClient {
    final String endpoint;
    private final Supplier<Instant> clock;
    final List<GenerationRequest> submissions = new ArrayList<>();
    final List<Instant> submittedAt = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();
    final Deque<GenerationException> submitFailures = new ArrayDeque<>();
    final Deque<JobState> outcomes = new ArrayDeque<>();
    GenerationException alwaysFail;
    int pollsToFinish = 2;
    boolean neverFinish;
    int polls;
    int maxRunning;
    private final Map<String, Job> jobs = new HashMap<>();
    private int running;

    private static final class Job {
        final GenerationRequest request;
        final JobState outcome;
        int pollsLeft;
        boolean active = true;

        Job(GenerationRequest request, JobState outcome, int pollsLeft) {
            this.request = request;
            this.outcome = outcome;
            this.pollsLeft = pollsLeft;
        }
    }

    FakeGenerationClient(String endpoint, Supplier<Instant> clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** A job the server already runs (as after a restart of the job). */
    synchronized String start(GenerationRequest request) {
        String id = endpoint + "-job-" + (jobs.size() + 1);
        jobs.put(id, new Job(request, JobState.COMPLETED, pollsToFinish));
        running++;
        maxRunning = Math.max(maxRunning, running);
        return id;
    }

    @Override
    public synchronized CompletableFuture<GenerationJob> submit(GenerationRequest request) {
        submissions.add(request);
        submittedAt.add(clock.get());
        GenerationException failure = alwaysFail != null ? alwaysFail : submitFailures.pollFirst();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        String id = endpoint + "-job-" + (jobs.size() + 1);
        JobState outcome = outcomes.isEmpty() ? JobState.COMPLETED : outcomes.pollFirst();
        jobs.put(id, new Job(request, outcome, pollsToFinish));
        running++;
        maxRunning = Math.max(maxRunning, running);
        return CompletableFuture.completedFuture(GenerationJob.of(id, JobState.QUEUED));
    }

    @Override
    public synchronized CompletableFuture<GenerationJob> poll(String jobId) {
        polls++;
        Job job = jobs.get(jobId);
        if (job == null) {
            return CompletableFuture.completedFuture(GenerationJob.of(jobId, JobState.LOST));
        }
        if (neverFinish || --job.pollsLeft > 0) {
            return CompletableFuture.completedFuture(GenerationJob.of(jobId, JobState.IN_PROGRESS));
        }
        finish(job);
        return CompletableFuture.completedFuture(
                new GenerationJob(jobId, job.outcome, 1, "scripted " + job.outcome, 12.5, jobId));
    }

    @Override
    public synchronized CompletableFuture<DownloadedMedia> download(
            GenerationJob job, Path target) {
        try {
            String content = "media for " + jobs.get(job.id()).request.prompt();
            Files.writeString(target, content, StandardCharsets.UTF_8);
            return CompletableFuture.completedFuture(
                    new DownloadedMedia("video/mp4", content.length()));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<Void> cancel(String jobId) {
        cancelled.add(jobId);
        Job job = jobs.get(jobId);
        if (job != null) {
            finish(job);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> health() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}

    private void finish(Job job) {
        if (job.active) {
            job.active = false;
            running--;
        }
    }
}
