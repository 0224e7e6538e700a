package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Tests for {@link GenerateRequest}. */
class GenerateRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadAllFieldsAndIgnoreUnknownOnes() throws Exception {
        GenerateRequest request =
                GenerateRequest.fromJson(
                        JSON.readTree(
                                "{\"model\": \"reference\", \"prompt\": \"p\", \"seed\": -3,"
                                        + " \"width\": 640, \"height\": 360, \"fps\": 25,"
                                        + " \"durationSeconds\": 4, \"extra\": true}"));

        assertThat(request).isEqualTo(new GenerateRequest("reference", "p", -3, 640, 360, 25, 4.0));
    }

    @Test
    void shouldDefaultModelToReference() throws Exception {
        GenerateRequest request =
                GenerateRequest.fromJson(
                        JSON.readTree(
                                "{\"prompt\": \"p\", \"seed\": 1, \"width\": 16, \"height\": 16,"
                                        + " \"fps\": 1, \"durationSeconds\": 1}"));

        assertThat(request.model()).isEqualTo("reference");
    }

    @Test
    void shouldCountRoundedFramesAndExactDuration() {
        GenerateRequest request = new GenerateRequest(null, "p", 1, 16, 16, 25, 4.0);
        GenerateRequest rounded = new GenerateRequest(null, "p", 1, 16, 16, 30, 0.51);

        assertThat(request.frameCount()).isEqualTo(100);
        assertThat(request.clipDurationSeconds()).isEqualTo(4.0);
        assertThat(rounded.frameCount()).isEqualTo(15);
        assertThat(rounded.clipDurationSeconds()).isEqualTo(0.5);
    }

    @Test
    void shouldAcceptLimits() {
        assertThat(new GenerateRequest(null, "x".repeat(2000), 0, 3840, 2160, 60, 60).frameCount())
                .isEqualTo(3600);
        assertThat(new GenerateRequest(null, "p", 0, 16, 16, 1, 0.5).frameCount()).isEqualTo(1);
    }

    @Test
    void shouldNameTheInvalidField() {
        assertInvalid(() -> new GenerateRequest(null, " ", 0, 16, 16, 1, 1), "prompt");
        assertInvalid(() -> new GenerateRequest(null, "x".repeat(2001), 0, 16, 16, 1, 1), "2001");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 17, 16, 1, 1), "width");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 14, 16, 1, 1), "width");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 3842, 16, 1, 1), "width");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 16, 2162, 1, 1), "height");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 16, 16, 0, 1), "fps");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 16, 16, 61, 1), "fps");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 16, 16, 1, 0), "durationSeconds");
        assertInvalid(() -> new GenerateRequest(null, "p", 0, 16, 16, 1, 60.5), "durationSeconds");
        assertInvalid(
                () -> new GenerateRequest(null, "p", 0, 16, 16, 1, Double.NaN), "durationSeconds");
        assertInvalid(
                () -> new GenerateRequest(null, "p", 0, 16, 16, 1, 0.2), "less than one frame");
    }

    @Test
    void shouldRejectWrongJsonTypes() {
        assertInvalid(() -> parse("{\"prompt\": 5}"), "'prompt' must be a string");
        assertInvalid(
                () ->
                        parse(
                                "{\"prompt\": \"p\", \"seed\": 1.5, \"width\": 16, \"height\": 16,"
                                        + " \"fps\": 1, \"durationSeconds\": 1}"),
                "'seed' must be an integer");
        assertInvalid(
                () ->
                        parse(
                                "{\"prompt\": \"p\", \"seed\": 1, \"width\": 16, \"height\": 16,"
                                        + " \"fps\": 1, \"durationSeconds\": \"1\"}"),
                "'durationSeconds' must be a number");
        assertInvalid(() -> parse("{\"prompt\": \"p\"}"), "missing field 'seed'");
        assertInvalid(() -> parse("\"text\""), "JSON object");
    }

    private static GenerateRequest parse(String json) throws Exception {
        return GenerateRequest.fromJson(JSON.readTree(json));
    }

    private static void assertInvalid(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
