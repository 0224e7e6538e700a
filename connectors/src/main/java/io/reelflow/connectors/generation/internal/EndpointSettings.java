package io.reelflow.connectors.generation.internal;

import io.reelflow.connectors.generation.EndpointOptions;
import io.reelflow.connectors.internal.http.BearerToken;
import io.reelflow.connectors.internal.http.EndpointValues;
import io.reelflow.connectors.internal.http.HttpEndpoint;
import io.reelflow.operators.port.ModelEndpoint;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

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
        implements Serializable, HttpEndpoint {

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
        EndpointValues.requireKnown(endpoint, ALL);
        URI base = endpoint.baseUri();
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
                    EndpointValues.duration(endpoint, EndpointOptions.CONNECT_TIMEOUT),
                    EndpointValues.duration(endpoint, EndpointOptions.REQUEST_TIMEOUT),
                    EndpointValues.duration(endpoint, EndpointOptions.DOWNLOAD_TIMEOUT),
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
}
