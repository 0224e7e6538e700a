package io.reelflow.benchmarks.render.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the summary of ffmpeg's {@code ssim} filter from its log. */
public final class SsimLog {

    /**
     * E.g. {@code [Parsed_ssim_0 @ 0x55] SSIM Y:0.98 (17.1) U:0.99 (20.0) V:0.99 (20.2) All:0.98}.
     */
    private static final Pattern SUMMARY =
            Pattern.compile("SSIM Y:[0-9.]+.*?All:([0-9.]+|inf|nan)", Pattern.CASE_INSENSITIVE);

    private SsimLog() {}

    /**
     * The mean SSIM over all frames and planes ({@code All:}) of the last summary line in {@code
     * log}.
     *
     * @throws IllegalArgumentException when the log has no summary (the comparison failed)
     */
    public static double mean(String log) {
        Matcher matcher = SUMMARY.matcher(log);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        if (last == null) {
            throw new IllegalArgumentException(
                    "no SSIM summary (\"SSIM Y:... All:...\") in the ffmpeg log: " + tail(log));
        }
        try {
            return Double.parseDouble(last);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unreadable SSIM value " + last, e);
        }
    }

    private static String tail(String log) {
        String trimmed = log.strip();
        return trimmed.length() <= 400 ? trimmed : "…" + trimmed.substring(trimmed.length() - 400);
    }
}
