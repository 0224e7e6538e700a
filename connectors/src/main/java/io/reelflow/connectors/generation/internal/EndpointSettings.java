package io.reelflow.connectors.generation.internal;

import io.reelflow.connectors.generation.EndpointOptions;
import io.reelflow.operators.port.ModelEndpoint;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.TimeUtils;

/**
 * An endpoint's options, read and checked once ({@link EndpointOptions}): an unknown key or a bad
 * value fails at client creation, naming the endpoint and the option.
 */
public record EndpointSettings(
        String name,
        URI baseUri,
        String protocol,
        BearerToken token,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration downloadTimeout,
        long maxDownloadBytes,
        Optional<String> healthPath,
        Optional<Integer> numInferenceSteps,
        Optional<Double> guidanceScale,
        String responseFormat,
        boolean openAiStrict,
        Optional<String> stashDir,
        Optional<String> workflow)
        implements Serializable {

    private static final Set<ConfigOption<?>> ALL =
            Set.of(
                    EndpointOptions.TOKEN_ENV,
                    EndpointOptions.TOKEN_FILE,
                    EndpointOptions.CONNECT_TIMEOUT,
                    EndpointOptions.REQUEST_TIMEOUT,
                    EndpointOptions.DOWNLOAD_TIMEOUT,
                    EndpointOptions.MAX_DOWNLOAD_SIZE,
                    EndpointOptions.HEALTH_PATH,
                    EndpointOptions.NUM_INFERENCE_STEPS,
                    EndpointOptions.GUIDANCE_SCALE,
                    EndpointOptions.RESPONSE_FORMAT,
                    EndpointOptions.OPENAI_STRICT,
                    EndpointOptions.STASH_DIR,
                    EndpointOptions.WORKFLOW);

    /**
     * @throws IllegalArgumentException naming the endpoint and the option that is wrong
     */
    public static EndpointSettings of(ModelEndpoint endpoint) {
        String where = "endpoint '" + endpoint.name() + "'";
        Set<String> known = new TreeSet<>();
        ALL.forEach(option -> known.add(option.key()));
        for (String key : endpoint.options().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        where + ": unknown option '" + key + "'; known options: " + known);
            }
        }
        URI base = endpoint.baseUri();
        if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
                || base.getHost() == null) {
            throw new IllegalArgumentException(
                    where + ": baseUri must be an http(s) URL with a host, was " + base);
        }
        Configuration config = Configuration.fromMap(endpoint.options());
        try {
            String format = config.get(EndpointOptions.RESPONSE_FORMAT);
            if (!Set.of("b64_json", "url", "none").contains(format)) {
                throw new IllegalArgumentException(
                        "response-format must be b64_json, url or none, was " + format);
            }
            return new EndpointSettings(
                    endpoint.name(),
                    base,
                    endpoint.protocol(),
                    BearerToken.of(
                            config.getOptional(EndpointOptions.TOKEN_ENV).orElse(null),
                            config.getOptional(EndpointOptions.TOKEN_FILE).orElse(null)),
                    duration(endpoint, EndpointOptions.CONNECT_TIMEOUT),
                    duration(endpoint, EndpointOptions.REQUEST_TIMEOUT),
                    duration(endpoint, EndpointOptions.DOWNLOAD_TIMEOUT),
                    config.get(EndpointOptions.MAX_DOWNLOAD_SIZE).getBytes(),
                    config.getOptional(EndpointOptions.HEALTH_PATH),
                    config.getOptional(EndpointOptions.NUM_INFERENCE_STEPS),
                    config.getOptional(EndpointOptions.GUIDANCE_SCALE),
                    format,
                    config.get(EndpointOptions.OPENAI_STRICT),
                    config.getOptional(EndpointOptions.STASH_DIR),
                    config.getOptional(EndpointOptions.WORKFLOW));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * An ISO-8601 duration ({@code PT60S}, as the port's {@code ModelEndpoint.requestTimeout()}
     * reads and the generation stage writes) or Flink's form ({@code 60 s}); positive.
     */
    private static Duration duration(ModelEndpoint endpoint, ConfigOption<Duration> option) {
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
