package io.reelflow.connectors.internal.http;

import io.reelflow.operators.port.ModelEndpoint;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.util.TimeUtils;

/**
 * Reads the options of a {@link ModelEndpoint} the same way for every adapter: unknown keys and bad
 * values fail at client creation, naming the endpoint and the option.
 */
public final class EndpointValues {

    private EndpointValues() {}

    /**
     * @throws IllegalArgumentException naming the first key that is not one of {@code known}, or a
     *     base URI that is not http(s) with a host
     */
    public static void requireKnown(ModelEndpoint endpoint, Collection<ConfigOption<?>> known) {
        String where = "endpoint '" + endpoint.name() + "'";
        Set<String> keys = new TreeSet<>();
        known.forEach(option -> keys.add(option.key()));
        for (String key : endpoint.options().keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(
                        where + ": unknown option '" + key + "'; known options: " + keys);
            }
        }
        var base = endpoint.baseUri();
        if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
                || base.getHost() == null) {
            throw new IllegalArgumentException(
                    where + ": baseUri must be an http(s) URL with a host, was " + base);
        }
    }

    /**
     * An ISO-8601 duration ({@code PT60S}, as the port's {@code ModelEndpoint.requestTimeout()}
     * reads and the generation stage writes) or Flink's form ({@code 60 s}); positive.
     */
    public static Duration duration(ModelEndpoint endpoint, ConfigOption<Duration> option) {
        String raw = endpoint.options().get(option.key());
        Duration value;
        if (raw == null) {
            value = option.defaultValue();
        } else if (raw.strip().toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                value = Duration.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option.key() + " is not a duration: " + raw, e);
            }
        } else {
            value = TimeUtils.parseDuration(raw);
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option.key() + " must be positive, was " + raw);
        }
        return value;
    }
}
