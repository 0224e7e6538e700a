package io.reelflow.connectors.imagetext;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.ImageTextScorer;
import io.reelflow.operators.port.ImageTextScorerFactory;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ImageTextScorer} for a model served over the Open Inference Protocol's REST form (KServe
 * v2, Triton, MLServer, OpenVINO Model Server), as {@code specification/protocol/inference_rest.md}
 * of kserve/open-inference-protocol defines it: {@code POST /v2/models/{name}[/versions/{v}]/infer}
 * with {@code {"inputs": [{"name", "shape", "datatype", "data"}], "outputs": [{"name"}]}}, answered
 * by {@code {"model_name", "outputs": [{"name", "shape", "datatype", "data"}]}} or, on failure, a
 * 4xx/5xx with {@code {"error": "..."}}. Two BYTES inputs of shape [1]: the frame's JPEG in base64
 * (the JSON form carries BYTES elements as strings, so raw bytes cannot go as they are) and the
 * text; the score is the first element of the named output, flattened or nested. The model's own
 * pre-processing decodes the base64, resizes and normalises the image; the tensor names are
 * settings, since every deployment names them.
 *
 * <pre>{@code
 * ImageTextScorer clip = OpenInferenceImageTextScorer.factory(settings).create();
 * double score = clip.score(jpeg, "a dog on a beach");
 * }</pre>
 */
public final class OpenInferenceImageTextScorer implements ImageTextScorer {

    private final SidecarHttp<OpenInferenceSettings> http;
    private final String path;

    OpenInferenceImageTextScorer(OpenInferenceSettings settings) {
        this.http = new SidecarHttp<>(settings);
        this.path = inferPath(settings);
    }

    /** A serializable factory that the job graph ships to the tasks. */
    public static ImageTextScorerFactory factory(OpenInferenceSettings settings) {
        return new Factory(settings);
    }

    static String inferPath(OpenInferenceSettings settings) {
        String model = "/v2/models/" + segment(settings.model());
        return settings.version() == null
                ? model + "/infer"
                : model + "/versions/" + segment(settings.version()) + "/infer";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public double score(byte[] jpeg, String text) throws IOException, InterruptedException {
        OpenInferenceSettings settings = http.settings();
        JsonNode answer;
        try {
            answer =
                    http.json(
                                    HttpRequest.newBuilder(http.resolve(path))
                                            .header("Content-Type", "application/json")
                                            .POST(SidecarHttp.jsonBody(body(settings, jpeg, text))))
                            .get(
                                    settings.requestTimeout().toMillis() + 1_000,
                                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(
                    "image-text model '"
                            + settings.model()
                            + "' failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("image-text model '" + settings.model() + "' timed out", e);
        }
        return scoreOf(answer, settings.output());
    }

    static Map<String, Object> body(OpenInferenceSettings settings, byte[] jpeg, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "inputs",
                List.of(
                        bytesTensor(
                                settings.imageInput(), Base64.getEncoder().encodeToString(jpeg)),
                        bytesTensor(settings.textInput(), text)));
        body.put("outputs", List.of(Map.of("name", settings.output())));
        return body;
    }

    private static Map<String, Object> bytesTensor(String name, String element) {
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("name", name);
        tensor.put("shape", List.of(1));
        tensor.put("datatype", "BYTES");
        tensor.put("data", List.of(element));
        return tensor;
    }

    /** The first number of output {@code name}; a protocol error when there is none. */
    static double scoreOf(JsonNode answer, String name) throws IOException {
        for (JsonNode output : answer.path("outputs")) {
            if (name.equals(output.path("name").asText())) {
                JsonNode first = output.path("data");
                while (first.isArray() && !first.isEmpty()) {
                    first = first.get(0);
                }
                if (first.isNumber()) {
                    return first.asDouble();
                }
                throw new IOException("output '" + name + "' has no number in its data");
            }
        }
        throw new IOException("the answer has no output '" + name + "'");
    }

    @Override
    public String model() {
        return http.settings().model();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OpenInferenceImageTextScorer["
                + http.settings().model()
                + ", "
                + http.settings().baseUri()
                + "]";
    }

    private record Factory(OpenInferenceSettings settings) implements ImageTextScorerFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ImageTextScorer create() {
            return new OpenInferenceImageTextScorer(settings);
        }
    }
}
