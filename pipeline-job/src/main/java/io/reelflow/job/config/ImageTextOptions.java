package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.connectors.imagetext.OpenInferenceImageTextScorer;
import io.reelflow.connectors.imagetext.OpenInferenceSettings;
import io.reelflow.operators.port.ImageTextScorerFactory;
import io.reelflow.operators.quality.RelevanceThresholds;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Relevance scoring: the threshold of the description check, and an optional image-text model
 * (CLIP-like) served over the Open Inference Protocol (KServe v2, Triton, MLServer) that scores a
 * mid-scene frame against the scene's prompt.
 */
public final class ImageTextOptions {

    private static final String PREFIX = "reelflow.quality.image-text.";

    public static final ConfigOption<Double> MIN_SIMILARITY =
            key("reelflow.quality.relevance.min-similarity")
                    .doubleType()
                    .defaultValue(RelevanceThresholds.DEFAULT_MIN_SIMILARITY)
                    .withDescription(
                            "Least cosine similarity of a scene's English prompt and its catalog"
                                    + " asset's description (sentence embeddings, -1..1); below"
                                    + " it the scene is IRRELEVANT.");

    public static final ConfigOption<String> URL =
            key(PREFIX + "url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL of an Open Inference Protocol server with an image-text"
                                    + " model; unset: relevance is judged from descriptions"
                                    + " alone.");

    public static final ConfigOption<String> MODEL =
            key(PREFIX + "model")
                    .stringType()
                    .defaultValue("clip")
                    .withDescription("The model's name: POST /v2/models/{model}/infer.");

    public static final ConfigOption<String> MODEL_VERSION =
            key(PREFIX + "model-version")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The model's version; unset lets the server choose.");

    public static final ConfigOption<String> IMAGE_INPUT =
            key(PREFIX + "image-input")
                    .stringType()
                    .defaultValue(OpenInferenceSettings.DEFAULT_IMAGE_INPUT)
                    .withDescription(
                            "Input tensor that takes the frame: BYTES, shape [1], the JPEG in"
                                    + " base64.");

    public static final ConfigOption<String> TEXT_INPUT =
            key(PREFIX + "text-input")
                    .stringType()
                    .defaultValue(OpenInferenceSettings.DEFAULT_TEXT_INPUT)
                    .withDescription("Input tensor that takes the prompt: BYTES, shape [1].");

    public static final ConfigOption<String> OUTPUT =
            key(PREFIX + "output")
                    .stringType()
                    .defaultValue(OpenInferenceSettings.DEFAULT_OUTPUT)
                    .withDescription("Output tensor whose first element is the score.");

    public static final ConfigOption<Double> MIN_SCORE =
            key(PREFIX + "min-score")
                    .doubleType()
                    .defaultValue(RelevanceThresholds.DEFAULT_MIN_IMAGE_TEXT_SCORE)
                    .withDescription(
                            "Least score the model may give a scene's frame and prompt, on the"
                                    + " model's scale (the default suits a CLIP cosine).");

    public static final ConfigOption<String> TOKEN_ENV =
            key(PREFIX + "token-env")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Environment variable holding a bearer token, if any.");

    public static final ConfigOption<String> TOKEN_FILE =
            key(PREFIX + "token-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding a bearer token (a mounted secret), if any.");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            key(PREFIX + "connect-timeout")
                    .durationType()
                    .defaultValue(OpenInferenceSettings.DEFAULT_CONNECT_TIMEOUT)
                    .withDescription("How long a connection to the model server may take.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            key(PREFIX + "request-timeout")
                    .durationType()
                    .defaultValue(OpenInferenceSettings.DEFAULT_REQUEST_TIMEOUT)
                    .withDescription("How long one inference may take, answer included.");

    private ImageTextOptions() {}

    /** The relevance analyzer's thresholds. */
    public static RelevanceThresholds thresholds(ReadableConfig config) {
        return new RelevanceThresholds(config.get(MIN_SIMILARITY), config.get(MIN_SCORE));
    }

    /**
     * The image-text model's endpoint, when {@link #URL} is set.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public static Optional<OpenInferenceSettings> settings(ReadableConfig config) {
        Optional<String> url = config.getOptional(URL);
        if (url.isEmpty() || url.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    OpenInferenceSettings.of(URI.create(url.get().strip()), config.get(MODEL))
                            .withVersion(config.getOptional(MODEL_VERSION).orElse(null))
                            .withTensors(
                                    config.get(IMAGE_INPUT),
                                    config.get(TEXT_INPUT),
                                    config.get(OUTPUT))
                            .withToken(
                                    config.getOptional(TOKEN_ENV).orElse(null),
                                    config.getOptional(TOKEN_FILE).orElse(null))
                            .withTimeouts(
                                    config.get(CONNECT_TIMEOUT), config.get(REQUEST_TIMEOUT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "*: " + e.getMessage(), e);
        }
    }

    /** The scorer factory the quality stage uses, when an image-text model is configured. */
    public static Optional<ImageTextScorerFactory> scorer(ReadableConfig config) {
        return settings(config).map(OpenInferenceImageTextScorer::factory);
    }
}
