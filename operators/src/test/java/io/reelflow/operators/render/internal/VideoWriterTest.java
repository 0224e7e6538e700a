package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.operators.render.VideoEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link VideoWriter}. */
class VideoWriterTest {

    @TempDir Path temp;

    @Test
    void shouldFallBackToTheNextEncoderAndSayWhy() throws IOException {
        Path file = temp.resolve("out.mp4");
        try (VideoWriter writer =
                VideoWriter.open(
                        file,
                        64,
                        36,
                        25,
                        RenderConfig.defaults(),
                        List.of("no_such_encoder", VideoWriter.X264))) {
            Canvas canvas = new Canvas(64, 36);
            for (int i = 0; i < 10; i++) {
                writer.write(canvas);
            }
            writer.finish();

            assertThat(writer.encoder()).isEqualTo("libx264");
            assertThat(writer.framesWritten()).isEqualTo(10);
            assertThat(writer.note())
                    .isEqualTo(
                            "encoder libx264 (no_such_encoder unavailable: not in this FFmpeg build)");
        }
        assertThat(TestMedia.decodeFrames(file)).hasSize(10);
        assertThat(MediaProbe.probe(file).codec()).isEqualTo("h264");
    }

    @Test
    void shouldNameEveryEncoderTriedWhenNoneOpens() {
        assertThatThrownBy(
                        () ->
                                VideoWriter.open(
                                        temp.resolve("out.mp4"),
                                        64,
                                        36,
                                        25,
                                        RenderConfig.defaults(),
                                        List.of("no_such_encoder", "nor_this_one")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no_such_encoder unavailable")
                .hasMessageContaining("nor_this_one unavailable");
    }

    @Test
    void shouldPreferNvencOnlyWhenConfigured() {
        assertThat(VideoWriter.encodersFor(RenderConfig.defaults()))
                .containsExactly("h264_nvenc", "libx264");
        assertThat(VideoWriter.encodersFor(RenderConfig.defaults().withEncoder(VideoEncoder.NVENC)))
                .containsExactly("h264_nvenc");
        assertThat(
                        VideoWriter.encodersFor(
                                RenderConfig.defaults().withEncoder(VideoEncoder.LIBX264)))
                .containsExactly("libx264");
    }
}
