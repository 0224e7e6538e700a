package io.reelflow.operators.request;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * What a request may ask for, and what it gets when it does not say: limits on text and duration,
 * the default output, and the {@link RequestLimits} on size and work. Immutable; {@link
 * #defaults()} suits the web.
 */
public record RequestRules(
        int maxTextChars,
        double defaultDurationSeconds,
        double minDurationSeconds,
        double maxDurationSeconds,
        String defaultResolution,
        String defaultAspectRatio,
        int fps,
        boolean defaultSubtitles,
        RequestLimits limits)
        implements Serializable {

    /** Request ids: 1-128 of {@code [A-Za-z0-9._-]} (public contract). */
    public static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public RequestRules {
        if (limits == null) {
            throw new IllegalArgumentException("limits must be set");
        }
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maxTextChars must be positive: " + maxTextChars);
        }
        if (!(minDurationSeconds > 0 && minDurationSeconds <= maxDurationSeconds)) {
            throw new IllegalArgumentException(
                    "need 0 < minDurationSeconds <= maxDurationSeconds, got "
                            + minDurationSeconds
                            + ".."
                            + maxDurationSeconds);
        }
        if (defaultDurationSeconds < minDurationSeconds
                || defaultDurationSeconds > maxDurationSeconds) {
            throw new IllegalArgumentException(
                    "defaultDurationSeconds outside the allowed range: " + defaultDurationSeconds);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps must be 1..60: " + fps);
        }
        OutputFormat.resolve(defaultResolution, defaultAspectRatio);
    }

    public static RequestRules defaults() {
        return new RequestRules(
                20_000, 15.0, 2.0, 600.0, "720p", "16:9", 25, true, RequestLimits.defaults());
    }

    public RequestRules withMaxTextChars(int value) {
        return new RequestRules(
                value,
                defaultDurationSeconds,
                minDurationSeconds,
                maxDurationSeconds,
                defaultResolution,
                defaultAspectRatio,
                fps,
                defaultSubtitles,
                limits);
    }

    public RequestRules withLimits(RequestLimits value) {
        return new RequestRules(
                maxTextChars,
                defaultDurationSeconds,
                minDurationSeconds,
                maxDurationSeconds,
                defaultResolution,
                defaultAspectRatio,
                fps,
                defaultSubtitles,
                value);
    }
}
