package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ClipSynthesizer}. */
class ClipSynthesizerTest {

    private static final ClipRequest TINY =
            new ClipRequest("a red fox runs through snow", 42, 160, 90, 25, 25);

    private final ClipSynthesizer synthesizer = new ClipSynthesizer();

    @Test
    void shouldEncodeH264Mp4WithRequestedSizeAndFrameCount(@TempDir Path dir) throws Exception {
        SynthesizedClip clip = synthesizer.synthesize(TINY, dir.resolve("clip.mp4"));

        ClipProbe probe = ClipProbe.of(clip.path());
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.format()).contains("mp4");
        assertThat(probe.width()).isEqualTo(160);
        assertThat(probe.height()).isEqualTo(90);
        assertThat(probe.frameRate()).isEqualTo(25.0);
        assertThat(probe.frames()).hasSize(25);
        assertThat(clip.frames()).isEqualTo(25);
        assertThat(clip.durationSeconds()).isEqualTo(1.0);
    }

    @Test
    void shouldEncodeRequestedFramesAndReportExactDuration(@TempDir Path dir) throws Exception {
        ClipRequest request = new ClipRequest("seven frames", 1, 64, 36, 10, 7);

        SynthesizedClip clip = synthesizer.synthesize(request, dir.resolve("clip.mp4"));

        assertThat(clip.frames()).isEqualTo(7);
        assertThat(clip.durationSeconds()).isEqualTo(0.7);
        assertThat(ClipProbe.of(clip.path()).frames()).hasSize(7);
    }

    @Test
    void shouldPutMoovAtomBeforeMediaData(@TempDir Path dir) throws Exception {
        SynthesizedClip clip = synthesizer.synthesize(TINY, dir.resolve("clip.mp4"));

        String head =
                new String(
                        Files.readAllBytes(clip.path()),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(head.indexOf("moov")).isPositive().isLessThan(head.indexOf("mdat"));
    }

    @Test
    void shouldDrawIdenticalFramesForIdenticalRequests() {
        ClipSynthesizer other = new ClipSynthesizer();
        for (int frame = 0; frame < TINY.frames(); frame++) {
            assertThat(ClipProbe.pixels(other.renderFrame(TINY, frame)))
                    .as("frame %d", frame)
                    .isEqualTo(ClipProbe.pixels(synthesizer.renderFrame(TINY, frame)));
        }
    }

    @Test
    void shouldDrawDifferentImagesForDifferentSeedsOrPrompts() {
        byte[] base = pixels(synthesizer.renderFrame(TINY, 0));
        byte[] otherSeed = pixels(synthesizer.renderFrame(withSeed(TINY, 43), 0));
        byte[] otherPrompt =
                pixels(
                        synthesizer.renderFrame(
                                new ClipRequest("a blue whale", 42, 160, 90, 25, 25), 0));

        assertThat(ClipProbe.difference(base, otherSeed)).isGreaterThan(10.0);
        assertThat(ClipProbe.difference(base, otherPrompt)).isGreaterThan(10.0);
    }

    @Test
    void shouldMoveBetweenFirstAndLastFrame() {
        byte[] first = pixels(synthesizer.renderFrame(TINY, 0));
        byte[] last = pixels(synthesizer.renderFrame(TINY, TINY.frames() - 1));

        assertThat(ClipProbe.difference(first, last)).isGreaterThan(1.0);
    }

    @Test
    void shouldEncodeFramesCloseToTheRenderedImages(@TempDir Path dir) throws Exception {
        ClipProbe probe = ClipProbe.of(synthesizer.synthesize(TINY, dir.resolve("c.mp4")).path());

        byte[] rendered = pixels(synthesizer.renderFrame(TINY, 0));
        byte[] decoded = probe.frames().get(0);

        // Lossy H.264 and yuv420p chroma subsampling: close, not equal.
        assertThat(ClipProbe.difference(rendered, decoded)).isLessThan(12.0);
    }

    @Test
    void shouldWriteStillAsPngOfTheFirstFrame(@TempDir Path dir) throws Exception {
        Path still = dir.resolve("still.png");

        synthesizer.synthesizeStill(TINY, still);

        BufferedImage image = javax.imageio.ImageIO.read(still.toFile());
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(90);
        assertThat(ClipProbe.pixels(image))
                .isEqualTo(ClipProbe.pixels(synthesizer.renderFrame(TINY, 0)));
    }

    @Test
    void shouldRejectFrameOutsideTheClip() {
        assertThatThrownBy(() -> synthesizer.renderFrame(TINY, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame 25");
    }

    private static ClipRequest withSeed(ClipRequest request, long seed) {
        return new ClipRequest(
                request.prompt(),
                seed,
                request.width(),
                request.height(),
                request.fps(),
                request.frames());
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData().clone();
    }
}
