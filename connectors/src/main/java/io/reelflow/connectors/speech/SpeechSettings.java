package io.reelflow.connectors.speech;

import io.reelflow.connectors.generation.EndpointOptions;
import io.reelflow.connectors.internal.http.BearerToken;
import io.reelflow.connectors.internal.http.EndpointValues;
import io.reelflow.connectors.internal.http.HttpEndpoint;
import io.reelflow.operators.port.ModelEndpoint;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/**
 * A speech endpoint's options, read and checked once: the token's source, the connect timeout, the
 * timeout of one synthesis (request-timeout: the whole call, audio included) and the largest audio
 * accepted (max-download-size, 64 mb unless set: 4,096 characters of speech as 24 kHz WAV are about
 * 13 MB).
 */
record SpeechSettings(
        String name,
        URI baseUri,
        BearerToken token,
        Duration connectTimeout,
        Duration requestTimeout,
        long maxDownloadBytes)
        implements HttpEndpoint, Serializable {

    static final MemorySize DEFAULT_MAX_AUDIO = MemorySize.parse("64 mb");

    private static final List<ConfigOption<?>> KNOWN =
            List.of(
                    EndpointOptions.TOKEN_ENV,
                    EndpointOptions.TOKEN_FILE,
                    EndpointOptions.CONNECT_TIMEOUT,
                    EndpointOptions.REQUEST_TIMEOUT,
                    EndpointOptions.MAX_DOWNLOAD_SIZE);

    /**
     * @throws IllegalArgumentException naming the endpoint and the option that is wrong
     */
    static SpeechSettings of(ModelEndpoint endpoint) {
        EndpointValues.requireKnown(endpoint, KNOWN);
        Configuration config = Configuration.fromMap(endpoint.options());
        try {
            return new SpeechSettings(
                    endpoint.name(),
                    endpoint.baseUri(),
                    BearerToken.of(
                            config.getOptional(EndpointOptions.TOKEN_ENV).orElse(null),
                            config.getOptional(EndpointOptions.TOKEN_FILE).orElse(null)),
                    EndpointValues.duration(endpoint, EndpointOptions.CONNECT_TIMEOUT),
                    EndpointValues.duration(endpoint, EndpointOptions.REQUEST_TIMEOUT),
                    config.getOptional(EndpointOptions.MAX_DOWNLOAD_SIZE)
                            .orElse(DEFAULT_MAX_AUDIO)
                            .getBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "endpoint '" + endpoint.name() + "': " + e.getMessage(), e);
        }
    }

    /** A synthesis is one call: its answer, audio included, must arrive within the call timeout. */
    @Override
    public Duration downloadTimeout() {
        return requestTimeout;
    }
}
