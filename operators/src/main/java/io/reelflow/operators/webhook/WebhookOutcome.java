package io.reelflow.operators.webhook;

/**
 * What one delivery attempt (or the whole delivery, once it ends) came to.
 *
 * @param requestId the result's request id
 * @param runId the result's run id
 * @param host the callback URL's host, for messages (never the whole URL, which may hold a token)
 * @param state delivered, worth another attempt, or failed for good
 * @param status the receiver's last HTTP status; -1 when it never answered
 * @param attempts attempts made so far
 * @param detail why it was not delivered, in words; null when delivered
 * @param atMillis when the attempt ended (epoch milliseconds)
 */
public record WebhookOutcome(
        String requestId,
        String runId,
        String host,
        State state,
        int status,
        int attempts,
        String detail,
        long atMillis) {

    /** Whether the delivery is over, and how. */
    public enum State {
        DELIVERED,
        RETRY,
        FAILED
    }

    /** The same outcome, failed for good with {@code why} (no attempts left, or out of time). */
    WebhookOutcome finalFailure(String why, long at) {
        return new WebhookOutcome(requestId, runId, host, State.FAILED, status, attempts, why, at);
    }
}
