package io.reelflow.connectors.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.sidecar.SubmissionKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Requests, endpoints, response fixtures and media checks shared by the generation tests. */
final class GenerationTestData {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A clip small enough to synthesize in a fraction of a second. */
    static final GenerationRequest TINY_CLIP =
            new GenerationRequest(
                    "wan-2.2-t2v",
                    "2026-11",
                    MediaKind.VIDEO,
                    "a paper boat on a \"rainy\" street {{seed}}",
                    "blurry, text",
                    42,
                    160,
                    96,
                    8,
                    9);

    static final GenerationRequest TINY_STILL =
            new GenerationRequest(
                    "flux-schnell",
                    "2026-11",
                    MediaKind.IMAGE,
                    "a lighthouse at dawn",
                    "",
                    7,
                    96,
                    64,
                    0,
                    0);

    private GenerationTestData() {}

    static ModelEndpoint endpoint(String protocol, URI base, Map<String, String> options) {
        return new ModelEndpoint("test-" + protocol, base, protocol, 1, options);
    }

    /** A response body from {@code src/test/resources/generation/} (see SOURCES.md there). */
    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = GenerationTestData.class.getResourceAsStream("/generation/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return JSON.readTree(in);
        }
    }

    /** The key under which the sidecar counts a video request sent over the OpenAI video routes. */
    static SubmissionKey sidecarKey(GenerationRequest request) {
        return new SubmissionKey(
                request.model(),
                request.kind().name(),
                request.prompt(),
                request.negativePrompt(),
                request.seed(),
                request.width(),
                request.height(),
                request.kind() == MediaKind.VIDEO ? request.fps() : 0,
                request.kind() == MediaKind.VIDEO ? request.frames() : 0);
    }

    /**
     * What a decoder finds in a clip.
     *
     * @param codec FFmpeg's codec name
     */
    record Clip(String codec, int width, int height, int frames) {
        static Clip probe(Path file) throws IOException {
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                int frames = 0;
                while (grabber.grabImage() != null) {
                    frames++;
                }
                Clip clip =
                        new Clip(
                                grabber.getVideoCodecName(),
                                grabber.getImageWidth(),
                                grabber.getImageHeight(),
                                frames);
                grabber.stop();
                return clip;
            }
        }
    }
}
