package io.reelflow.connectors.generation.internal;

import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.GenerationRequest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a video job's fields travel in {@code POST /v1/videos}: the one thing in which the
 * OpenAI-compatible video servers differ on submit. SGLang's diffusion server reads a JSON body
 * ({@code video_api.py} parses {@code request.json()} unless the Content-Type is multipart);
 * vLLM-Omni reads only form fields ({@code api_server.py} {@code _parse_video_form}).
 */
public enum VideoBodyEncoding {
    /**
     * SGLang's {@code VideoGenerationsRequest}: {@code size} as {@code WxH}, {@code seconds} an
     * integer, frames and fps as numbers.
     */
    JSON {
        @Override
        Map<String, Object> fields(GenerationRequest request, EndpointSettings settings) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("model", request.model());
            fields.put("prompt", request.prompt());
            fields.put("size", request.size());
            // Consistent with num_frames, which decides: SGLang reports seconds = frames / fps.
            fields.put("seconds", Math.max(1, Math.round(request.durationSeconds())));
            fields.put("fps", request.fps());
            fields.put("num_frames", request.frames());
            fields.put("seed", request.seed());
            common(fields, request, settings);
            return fields;
        }

        @Override
        public Encoded encode(Map<String, Object> fields) {
            return new Encoded("application/json", SidecarHttp.jsonBody(fields));
        }
    },
    /**
     * vLLM-Omni's form: {@code width} and {@code height} (not {@code size}, which would override
     * them), {@code num_frames} (else vLLM-Omni makes {@code seconds x fps}, or one frame).
     */
    MULTIPART {
        @Override
        Map<String, Object> fields(GenerationRequest request, EndpointSettings settings) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("model", request.model());
            fields.put("prompt", request.prompt());
            fields.put("width", request.width());
            fields.put("height", request.height());
            fields.put("fps", request.fps());
            fields.put("num_frames", request.frames());
            fields.put("seed", request.seed());
            common(fields, request, settings);
            return fields;
        }

        @Override
        public Encoded encode(Map<String, Object> fields) {
            String boundary = "reelflow-" + UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            fields.forEach(
                    (name, value) ->
                            body.append("--")
                                    .append(boundary)
                                    .append("\r\nContent-Disposition: form-data; name=\"")
                                    .append(name)
                                    .append("\"\r\n\r\n")
                                    .append(value)
                                    .append("\r\n"));
            body.append("--").append(boundary).append("--\r\n");
            return new Encoded(
                    "multipart/form-data; boundary=" + boundary,
                    HttpRequest.BodyPublishers.ofByteArray(
                            body.toString().getBytes(StandardCharsets.UTF_8)));
        }
    };

    /** The fields this encoding sends for the request, in the server's names. */
    abstract Map<String, Object> fields(GenerationRequest request, EndpointSettings settings);

    /** The request body and its Content-Type. */
    public abstract Encoded encode(Map<String, Object> fields);

    /** The body for {@code request}. */
    public Encoded encode(GenerationRequest request, EndpointSettings settings) {
        return encode(fields(request, settings));
    }

    /** Fields both servers name alike; empty ones are left out, as the SDKs leave out NOT_GIVEN. */
    private static void common(
            Map<String, Object> fields, GenerationRequest request, EndpointSettings settings) {
        if (!request.negativePrompt().isEmpty()) {
            fields.put("negative_prompt", request.negativePrompt());
        }
        settings.numInferenceSteps().ifPresent(steps -> fields.put("num_inference_steps", steps));
        settings.guidanceScale().ifPresent(scale -> fields.put("guidance_scale", scale));
    }

    /** A request body with its Content-Type. */
    public record Encoded(String contentType, HttpRequest.BodyPublisher body) {}
}
