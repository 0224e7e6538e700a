package io.reelflow.sidecar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link Multipart}. */
class MultipartTest {

    @Test
    void shouldReadTextFieldsAndSkipFiles() {
        String body =
                "--XyZ\r\n"
                        + "Content-Disposition: form-data; name=\"prompt\"\r\n\r\n"
                        + "a café at night\r\n"
                        + "--XyZ\r\n"
                        + "Content-Disposition: form-data; name=\"input_reference\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n"
                        + "PNG...\r\n"
                        + "--XyZ\r\n"
                        + "Content-Disposition: form-data; name=\"num_frames\"\r\n\r\n"
                        + "33\r\n"
                        + "--XyZ--\r\n";

        assertThat(
                        Multipart.textFields(
                                "multipart/form-data; boundary=XyZ",
                                body.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        java.util.Map.entry("prompt", "a café at night"),
                        java.util.Map.entry("num_frames", "33"));
    }

    @Test
    void shouldRejectBodyWithoutItsBoundary() {
        assertThatThrownBy(
                        () ->
                                Multipart.textFields(
                                        "multipart/form-data; boundary=abc",
                                        "prompt=x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("boundary");
    }
}
