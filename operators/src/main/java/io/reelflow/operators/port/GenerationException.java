package io.reelflow.operators.port;

import java.time.Duration;
import java.util.Optional;

/** A model server refused or failed a call or a job. */
public class GenerationException extends Exception {

    /** Why, in the few classes that decide what to do next (and that metrics count). */
    public enum Cause {
        /** The request itself is wrong (4xx other than 408/429): asking again will not help. */
        REFUSED,
        /** The server is busy (429, 503): ask again after {@link #retryAfter()}. */
        OVERLOADED,
        /** The server failed (5xx). */
        SERVER_ERROR,
        /** No answer in time. */
        TIMEOUT,
        /** No connection. */
        UNREACHABLE,
        /** The job ran and failed. */
        JOB_FAILED,
        /** The server answered something this client cannot read. */
        PROTOCOL
    }

    private final Cause cause;
    private final Duration retryAfter;

    public GenerationException(String message, Cause cause) {
        this(message, cause, null, null);
    }

    public GenerationException(String message, Cause cause, Duration retryAfter, Throwable source) {
        super(message, source);
        this.cause = cause;
        this.retryAfter = retryAfter;
    }

    public Cause reason() {
        return cause;
    }

    /** True when asking again may succeed. */
    public boolean retryable() {
        return cause != Cause.REFUSED && cause != Cause.PROTOCOL;
    }

    /** How long the server asked us to wait, when it said ({@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
