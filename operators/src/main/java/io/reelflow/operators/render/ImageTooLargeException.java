package io.reelflow.operators.render;

import java.io.IOException;

/**
 * A picture refused by {@link ImageLimits} before decoding; the message says which limit, in words
 * fit for users (no paths).
 */
public class ImageTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageTooLargeException(String reason) {
        super(reason);
    }
}
