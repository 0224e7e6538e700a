package io.reelflow.operators.generation.internal;

import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/** How the generation stage classifies what went wrong: retry, next model, or stop. */
public final class Failures {
    private Failures() {}

    /** A job that ran past its model's deadline: cancelled, and not tried again on this model. */
    public static final class DeadlineExceeded extends GenerationException {
        public DeadlineExceeded(String message) {
            super(message, Cause.TIMEOUT);
        }
    }

    /** The server no longer knows the job: submit again (a new attempt). */
    public static final class JobLost extends GenerationException {
        public JobLost(String message) {
            super(message, Cause.SERVER_ERROR);
        }
    }

    /** No endpoint serving the model can take work (all unhealthy or their breakers open). */
    public static final class NoEndpoint extends GenerationException {
        public NoEndpoint(String message) {
            super(message, Cause.UNREACHABLE);
        }
    }

    /** The failure inside the wrappers futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** {@code failure} unwrapped; adapters' unexpected exceptions become protocol failures. */
    public static Throwable generationFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GenerationException
                || cause instanceof IOException
                || cause instanceof CancellationException) {
            return cause;
        }
        return new GenerationException(String.valueOf(cause), Cause.PROTOCOL, null, cause);
    }

    /** Whether another attempt on the same model may succeed. */
    public static boolean retryable(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof DeadlineExceeded) {
            return false;
        }
        if (cause instanceof GenerationException generation) {
            return generation.retryable();
        }
        return cause instanceof IOException || cause instanceof RejectedExecutionException;
    }

    /** Whether the failure says the server is unwell (so it counts against its breaker). */
    public static boolean countsAgainstEndpoint(Throwable failure) {
        if (!(unwrap(failure) instanceof GenerationException generation)) {
            return false;
        }
        return switch (generation.reason()) {
            case SERVER_ERROR, TIMEOUT, UNREACHABLE, PROTOCOL, JOB_FAILED -> true;
            case REFUSED, OVERLOADED -> false;
        };
    }

    /** The cause as metrics name it: {@code overloaded}, {@code deadline}, {@code lost}, … */
    public static String causeName(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof DeadlineExceeded) {
            return "deadline";
        }
        if (cause instanceof JobLost) {
            return "lost";
        }
        if (cause instanceof NoEndpoint) {
            return "no_endpoint";
        }
        if (cause instanceof GenerationException generation) {
            return generation.reason().name().toLowerCase(Locale.ROOT);
        }
        if (cause instanceof IOException) {
            return "storage";
        }
        return cause instanceof CancellationException ? "cancelled" : "other";
    }

    /** A short message for notes and logs. */
    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
