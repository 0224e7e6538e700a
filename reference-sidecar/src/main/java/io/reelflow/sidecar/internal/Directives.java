package io.reelflow.sidecar.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only instructions at the start of a prompt, so that one job of many can be told to take
 * minutes or to fail through any protocol: {@code [sidecar:latency=90s]}, {@code [sidecar:fail]},
 * {@code [sidecar:fail=out of memory]}, in any order, before the prompt proper. Durations take
 * {@code ms}, {@code s} or {@code m}.
 *
 * @param prompt the prompt without the directives, as drawn on the frames
 * @param extraTime added to the job's configured time
 * @param failure the error the job ends with, or null
 */
public record Directives(String prompt, Duration extraTime, String failure) {

    private static final Pattern DIRECTIVE =
            Pattern.compile("^\\s*\\[sidecar:(latency|fail)(?:=([^\\]]*))?]\\s*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    /**
     * @throws IllegalArgumentException for a directive with a bad value
     */
    public static Directives parse(String prompt) {
        Duration extra = Duration.ZERO;
        String failure = null;
        String rest = prompt;
        Matcher matcher = DIRECTIVE.matcher(rest);
        while (matcher.find()) {
            String value = matcher.group(2);
            if (matcher.group(1).equals("latency")) {
                extra = extra.plus(duration(value));
            } else {
                failure =
                        value == null || value.isBlank()
                                ? "failure asked for by the prompt"
                                : value;
            }
            rest = rest.substring(matcher.end());
            matcher = DIRECTIVE.matcher(rest);
        }
        return new Directives(rest.isBlank() ? prompt : rest, extra, failure);
    }

    private static Duration duration(String value) {
        Matcher matcher = value == null ? null : DURATION.matcher(value.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(
                    "[sidecar:latency=...] needs a duration such as 1500ms, 90s or 2m, not "
                            + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
