package io.reelflow.connectors.catalog;

/** A file the catalog cannot take (empty, corrupt, unsupported); the message says why. */
public class RejectedMediaException extends Exception {

    public RejectedMediaException(String reason) {
        super(reason);
    }

    public RejectedMediaException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
