package io.reelflow.connectors.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.ModelEndpoint;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link VideoBodyEncoding}. */
class VideoBodyEncodingTest {

    private static final GenerationRequest REQUEST =
            new GenerationRequest(
                    "Wan-AI/Wan2.2-T2V-A14B-Diffusers",
                    "1",
                    MediaKind.VIDEO,
                    "a fox",
                    "blur",
                    3,
                    832,
                    480,
                    16,
                    81);
    private static final EndpointSettings SETTINGS =
            EndpointSettings.of(
                    new ModelEndpoint(
                            "wan",
                            URI.create("http://localhost:8000"),
                            "openai-videos",
                            1,
                            Map.of("num-inference-steps", "40", "guidance-scale", "4.0")));

    @Test
    void shouldSendSglangJsonFields() {
        assertThat(VideoBodyEncoding.JSON.fields(REQUEST, SETTINGS))
                .containsExactly(
                        Map.entry("model", "Wan-AI/Wan2.2-T2V-A14B-Diffusers"),
                        Map.entry("prompt", "a fox"),
                        Map.entry("size", "832x480"),
                        Map.entry("seconds", 5L),
                        Map.entry("fps", 16),
                        Map.entry("num_frames", 81),
                        Map.entry("seed", 3L),
                        Map.entry("negative_prompt", "blur"),
                        Map.entry("num_inference_steps", 40),
                        Map.entry("guidance_scale", 4.0));
    }

    @Test
    void shouldSendVllmOmniFormFieldsWithWidthAndHeightNotSize() {
        Map<String, Object> fields = VideoBodyEncoding.MULTIPART.fields(REQUEST, SETTINGS);

        assertThat(fields)
                .containsEntry("width", 832)
                .containsEntry("height", 480)
                .containsEntry("num_frames", 81)
                .containsEntry("fps", 16)
                .doesNotContainKeys("size", "seconds");
        assertThat(VideoBodyEncoding.MULTIPART.encode(fields).contentType())
                .startsWith("multipart/form-data; boundary=reelflow-");
    }
}
