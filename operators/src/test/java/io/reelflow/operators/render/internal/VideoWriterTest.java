package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.operators.render.VideoEncoder;
import io.reelflow.operators.render.internal.NvencProbe.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void shouldSkipNvencWithTheProbesReasonWhenItIsUnusable() {
        NvencProbe noGpu = new NvencProbe(() -> Outcome.unavailable("no CUDA driver (test)"));

        VideoWriter.Candidates auto =
                VideoWriter.candidates(VideoWriter.encodersFor(RenderConfig.defaults()), noGpu);

        assertThat(auto.toTry()).containsExactly("libx264");
        assertThat(auto.skipped()).containsExactly("h264_nvenc unavailable: no CUDA driver (test)");
    }

    @Test
    void shouldTryNvencFirstWhenTheProbeOpenedIt() {
        NvencProbe gpu = new NvencProbe(Outcome::usable);

        VideoWriter.Candidates auto =
                VideoWriter.candidates(VideoWriter.encodersFor(RenderConfig.defaults()), gpu);

        assertThat(auto.toTry()).containsExactly("h264_nvenc", "libx264");
        assertThat(auto.skipped()).isEmpty();
    }

    @Test
    void shouldNotProbeTheGpuForCpuOnlyEncoding() {
        AtomicInteger probed = new AtomicInteger();
        NvencProbe counting =
                new NvencProbe(
                        () -> {
                            probed.incrementAndGet();
                            return Outcome.usable();
                        });

        VideoWriter.candidates(
                VideoWriter.encodersFor(RenderConfig.defaults().withEncoder(VideoEncoder.LIBX264)),
                counting);

        assertThat(probed).hasValue(0);
    }

    /**
     * Without a GPU, AUTO encodes with libx264 and says why; NVENC is probed once, not per video.
     */
    @Test
    void shouldResolveAutoToLibx264WithAReasonAndProbeOncePerProcess() throws IOException {
        assumeThat(Path.of("/dev/nvidiactl")).as("an NVIDIA driver is loaded").doesNotExist();
        List<String> auto = VideoWriter.encodersFor(RenderConfig.defaults());

        for (int video = 0; video < 3; video++) {
            try (VideoWriter writer =
                    VideoWriter.open(
                            temp.resolve("auto-" + video + ".mp4"),
                            64,
                            36,
                            25,
                            RenderConfig.defaults(),
                            auto)) {
                assertThat(writer.encoder()).isEqualTo("libx264");
                assertThat(writer.note())
                        .startsWith("encoder libx264 (h264_nvenc unavailable: no CUDA driver (");
            }
        }

        assertThat(NvencProbe.shared().probes()).isEqualTo(1);
    }
}
