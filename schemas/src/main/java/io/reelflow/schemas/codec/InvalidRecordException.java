package io.reelflow.schemas.codec;

/**
 * A record that cannot be decoded or does not have the required shape; the message is the reason.
 */
public class InvalidRecordException extends Exception {
    public InvalidRecordException(String reason) {
        super(reason);
    }

    public InvalidRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
