package io.reelflow.sidecar.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Failures and latency that tests ask for through {@code POST /admin/faults}: the next N generate
 * calls fail with a chosen status, and every generate call waits first. Thread-safe.
 */
public final class FaultInjector {

    public static final int DEFAULT_FAILURE_STATUS = 503;
    public static final long MAX_LATENCY_MILLIS = 600_000;

    private int remainingFailures;
    private int failureStatus = DEFAULT_FAILURE_STATUS;
    private long latencyMillis;

    public FaultInjector(int failFirst, long latencyMillis) {
        configure(failFirst, null, latencyMillis);
    }

    /**
     * Changes the settings that are not {@code null}; all are validated before any is applied.
     *
     * @throws IllegalArgumentException naming the invalid setting
     */
    public synchronized void configure(
            Integer failNextRequests, Integer newFailureStatus, Long newLatencyMillis) {
        if (failNextRequests != null && failNextRequests < 0) {
            throw new IllegalArgumentException(
                    "failNextRequests must be >= 0 but was " + failNextRequests);
        }
        if (newFailureStatus != null && (newFailureStatus < 400 || newFailureStatus > 599)) {
            throw new IllegalArgumentException(
                    "failureStatus must be an HTTP error status 400..599 but was "
                            + newFailureStatus);
        }
        if (newLatencyMillis != null
                && (newLatencyMillis < 0 || newLatencyMillis > MAX_LATENCY_MILLIS)) {
            throw new IllegalArgumentException(
                    "latencyMillis must be 0.."
                            + MAX_LATENCY_MILLIS
                            + " but was "
                            + newLatencyMillis);
        }
        if (failNextRequests != null) {
            remainingFailures = failNextRequests;
        }
        if (newFailureStatus != null) {
            failureStatus = newFailureStatus;
        }
        if (newLatencyMillis != null) {
            latencyMillis = newLatencyMillis;
        }
    }

    public synchronized long latencyMillis() {
        return latencyMillis;
    }

    /** The status to fail this call with, if failures are still due; counts the failure down. */
    public synchronized OptionalInt takeFailure() {
        if (remainingFailures == 0) {
            return OptionalInt.empty();
        }
        remainingFailures--;
        return OptionalInt.of(failureStatus);
    }

    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("failNextRequests", remainingFailures);
        settings.put("failureStatus", failureStatus);
        settings.put("latencyMillis", latencyMillis);
        return settings;
    }
}
