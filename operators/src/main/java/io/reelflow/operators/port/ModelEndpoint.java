package io.reelflow.operators.port;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model server the job may send work to.
 *
 * @param name a short name for logs and metrics, unique in the job
 * @param baseUri the server's base URI, e.g. {@code http://localhost:8000}
 * @param protocol the adapter that speaks to it, e.g. {@code openai-videos}, {@code
 *     openai-videos-multipart}, {@code openai-images}, {@code comfyui}
 * @param slots jobs the server runs at once (a diffusion server often runs one)
 * @param options adapter settings (token source, workflow template, {@value #REQUEST_TIMEOUT} …);
 *     never the token itself
 */
public record ModelEndpoint(
        String name, URI baseUri, String protocol, int slots, Map<String, String> options)
        implements Serializable {

    public ModelEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(protocol, "protocol");
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be positive, was " + slots);
        }
        options = Map.copyOf(options);
    }

    /**
     * Option key of the timeout of one HTTP call, an ISO-8601 duration such as {@code PT60S}: a
     * call is separate from a job, which runs for minutes over many calls.
     */
    public static final String REQUEST_TIMEOUT = "request-timeout";

    /** The timeout of one HTTP call when the endpoint's options do not set one. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** The timeout adapters give one HTTP call: {@value #REQUEST_TIMEOUT}, or the default. */
    public Duration requestTimeout() {
        String value = options.get(REQUEST_TIMEOUT);
        if (value == null) {
            return DEFAULT_REQUEST_TIMEOUT;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Endpoint " + name + ": " + REQUEST_TIMEOUT + " is not a duration: " + value,
                    e);
        }
    }

    /** A copy with one option set (replacing it). */
    public ModelEndpoint withOption(String key, String value) {
        Map<String, String> copy = new HashMap<>(options);
        copy.put(key, value);
        return new ModelEndpoint(name, baseUri, protocol, slots, copy);
    }
}
