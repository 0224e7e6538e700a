package io.reelflow.connectors.sidecar;

import io.reelflow.connectors.internal.Checks;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach one generation sidecar. {@code model} is asked for when a request names none; {@code
 * requestTimeout} bounds the wait for the response headers (the clip then streams without a limit:
 * the async operator's own timeout covers the whole call).
 *
 * <pre>{@code
 * SidecarSettings settings = SidecarSettings.of("http://localhost:8090", "reference");
 * }</pre>
 */
public record SidecarSettings(
        String baseUrl, String model, Duration connectTimeout, Duration requestTimeout)
        implements Serializable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

    public SidecarSettings {
        Checks.requireText(baseUrl, "sidecar baseUrl");
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sidecar baseUrl is not a URL: " + baseUrl, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "sidecar baseUrl must be an http(s) URL with a host (got " + baseUrl + ")");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        Checks.requireText(model, "sidecar model");
        Checks.requirePositive(connectTimeout, "sidecar connectTimeout");
        Checks.requirePositive(requestTimeout, "sidecar requestTimeout");
    }

    /** Settings with the default timeouts (5 s to connect, 2 min for the response). */
    public static SidecarSettings of(String baseUrl, String model) {
        return new SidecarSettings(
                baseUrl, model, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The URL of the generate endpoint. */
    public URI generateUri() {
        return URI.create(baseUrl + "/v1/generate");
    }
}
