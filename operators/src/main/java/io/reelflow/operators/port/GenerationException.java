package io.reelflow.operators.port;

/** A sidecar refused or failed a request. */
public class GenerationException extends Exception {
    private final boolean retryable;

    public GenerationException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public GenerationException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when asking again may succeed (server errors, overload, timeouts). */
    public boolean retryable() {
        return retryable;
    }
}
