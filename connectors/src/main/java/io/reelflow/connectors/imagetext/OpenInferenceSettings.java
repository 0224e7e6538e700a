package io.reelflow.connectors.imagetext;

import io.reelflow.connectors.internal.http.BearerToken;
import io.reelflow.connectors.internal.http.HttpEndpoint;
import io.reelflow.connectors.internal.http.SidecarHttp;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an image-text model is served over the Open Inference Protocol (KServe v2) and how its
 * tensors are named. Start from {@link #of(URI, String)}:
 *
 * <pre>{@code
 * OpenInferenceSettings clip = OpenInferenceSettings.of(URI.create("http://clip:8080"), "clip")
 *         .withTensors("image", "text", "similarity");
 * }</pre>
 *
 * @param baseUri the server, e.g. {@code http://clip:8080}; requests go to {@code
 *     /v2/models/{model}[/versions/{version}]/infer} below it
 * @param model the model's name on the server
 * @param version the model's version, or {@code null} to let the server choose
 * @param imageInput the name of the input tensor that takes the JPEG (BYTES, shape [1], base64)
 * @param textInput the name of the input tensor that takes the text (BYTES, shape [1])
 * @param output the name of the output tensor whose first element is the score
 */
public record OpenInferenceSettings(
        URI baseUri,
        String model,
        String version,
        String imageInput,
        String textInput,
        String output,
        BearerToken token,
        Duration connectTimeout,
        Duration requestTimeout)
        implements HttpEndpoint, Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_IMAGE_INPUT = "image";
    public static final String DEFAULT_TEXT_INPUT = "text";
    public static final String DEFAULT_OUTPUT = "score";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public OpenInferenceSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("baseUri must be http or https, was " + baseUri);
        }
        for (String[] named :
                new String[][] {
                    {"model", model},
                    {"imageInput", imageInput},
                    {"textInput", textInput},
                    {"output", output}
                }) {
            if (named[1] == null || named[1].isBlank()) {
                throw new IllegalArgumentException(named[0] + " must not be blank");
            }
        }
        if (version != null && version.isBlank()) {
            version = null;
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Tensors {@code image}, {@code text} and {@code score}; no token; 5 s / 10 s timeouts. */
    public static OpenInferenceSettings of(URI baseUri, String model) {
        return new OpenInferenceSettings(
                baseUri,
                model,
                null,
                DEFAULT_IMAGE_INPUT,
                DEFAULT_TEXT_INPUT,
                DEFAULT_OUTPUT,
                BearerToken.none(),
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    public OpenInferenceSettings withVersion(String value) {
        return new OpenInferenceSettings(
                baseUri,
                model,
                value,
                imageInput,
                textInput,
                output,
                token,
                connectTimeout,
                requestTimeout);
    }

    public OpenInferenceSettings withTensors(String image, String text, String score) {
        return new OpenInferenceSettings(
                baseUri, model, version, image, text, score, token, connectTimeout, requestTimeout);
    }

    /**
     * A bearer token read at every call from {@code environmentVariable} or {@code file} (at most
     * one; both null for none).
     */
    public OpenInferenceSettings withToken(String environmentVariable, String file) {
        return withToken(BearerToken.of(environmentVariable, file));
    }

    OpenInferenceSettings withToken(BearerToken value) {
        return new OpenInferenceSettings(
                baseUri,
                model,
                version,
                imageInput,
                textInput,
                output,
                value,
                connectTimeout,
                requestTimeout);
    }

    public OpenInferenceSettings withTimeouts(Duration connect, Duration request) {
        return new OpenInferenceSettings(
                baseUri, model, version, imageInput, textInput, output, token, connect, request);
    }

    @Override
    public String name() {
        return model;
    }

    /** One inference is one call: its answer must arrive within the request timeout. */
    @Override
    public Duration downloadTimeout() {
        return requestTimeout;
    }

    @Override
    public long maxDownloadBytes() {
        return SidecarHttp.MAX_JSON_BYTES;
    }
}
