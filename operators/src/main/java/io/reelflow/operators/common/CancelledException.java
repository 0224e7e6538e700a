package io.reelflow.operators.common;

import java.io.IOException;

/**
 * Thrown by work whose {@link Cancellation} was cancelled (its timeout passed). An {@link
 * IOException} so it unwinds through the same paths as a failed read or write, closing what they
 * opened.
 */
public class CancelledException extends IOException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled: the work outlived its timeout");
    }
}
