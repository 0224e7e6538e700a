package io.reelflow.sidecar;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failures and delays that tests ask a {@link ReferenceSidecarServer} for, from Java or through
 * {@code POST /admin/faults}: the next N API calls answer an error status (optionally with {@code
 * Retry-After}), the next N jobs fail, and every job takes a set time. Thread-safe.
 */
public final class Faults {

    public static final int DEFAULT_FAILURE_STATUS = 503;

    private int remainingFailures;
    private int failureStatus = DEFAULT_FAILURE_STATUS;
    private Duration retryAfter;
    private int remainingJobFailures;
    private Duration jobTime;

    Faults(int failFirst, Duration jobTime) {
        this.remainingFailures = failFirst;
        this.jobTime = jobTime;
    }

    /**
     * The next {@code calls} API calls (submit, poll, download, cancel; not health, stats or admin)
     * are answered {@code status}, with {@code Retry-After: <seconds>} when {@code retryAfter} is
     * not null.
     */
    public synchronized Faults failNextCalls(int calls, int status, Duration retryAfter) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0 but was " + calls);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException(
                    "failure status must be an HTTP error status 400..599 but was " + status);
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.remainingFailures = calls;
        this.failureStatus = status;
        this.retryAfter = retryAfter;
        return this;
    }

    /**
     * The next {@code jobs} jobs run their time and then fail, as a model that ran out of memory.
     */
    public synchronized Faults failNextJobs(int jobs) {
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must be >= 0 but was " + jobs);
        }
        this.remainingJobFailures = jobs;
        return this;
    }

    /** How long every job takes at least, from now on. */
    public synchronized Faults jobTime(Duration time) {
        if (time.isNegative() || time.compareTo(SidecarOptions.MAX_JOB_TIME) > 0) {
            throw new IllegalArgumentException(
                    "job time must be 0.." + SidecarOptions.MAX_JOB_TIME + " but was " + time);
        }
        this.jobTime = time;
        return this;
    }

    public synchronized Duration jobTime() {
        return jobTime;
    }

    /** The failure this call gets, if failures are still due; counts it down. */
    public synchronized Optional<InjectedFailure> takeCallFailure() {
        if (remainingFailures == 0) {
            return Optional.empty();
        }
        remainingFailures--;
        return Optional.of(new InjectedFailure(failureStatus, retryAfter));
    }

    /** True when this job is to fail; counts it down. */
    public synchronized boolean takeJobFailure() {
        if (remainingJobFailures == 0) {
            return false;
        }
        remainingJobFailures--;
        return true;
    }

    /** The settings, as {@code GET /admin/faults} shows them. */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("failNextCalls", remainingFailures);
        settings.put("failureStatus", failureStatus);
        settings.put("retryAfterSeconds", retryAfter == null ? null : retryAfter.toSeconds());
        settings.put("failNextJobs", remainingJobFailures);
        settings.put("jobMillis", jobTime.toMillis());
        return settings;
    }

    /**
     * An injected answer to one call.
     *
     * @param retryAfter sent as {@code Retry-After} seconds when not null
     */
    public record InjectedFailure(int status, Duration retryAfter) {}
}
