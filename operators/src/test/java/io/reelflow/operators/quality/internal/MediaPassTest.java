package io.reelflow.operators.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.Finding;
import io.reelflow.operators.quality.MediaListener;
import io.reelflow.operators.render.TestMedia;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link MediaPass}. */
class MediaPassTest {

    @TempDir Path temp;

    /** Records what the pass hands over. */
    private static final class Recorder implements MediaListener {
        final Wants wants;
        final List<Double> greyTimes = new ArrayList<>();
        final List<Integer> greyValues = new ArrayList<>();
        int windowsStarted;
        final List<Double> stillTimes = new ArrayList<>();
        final List<int[]> stillSizes = new ArrayList<>();
        long audioSamples;
        Media media;

        Recorder(Wants wants) {
            this.wants = wants;
        }

        @Override
        public Wants wants(Media media) {
            this.media = media;
            return wants;
        }

        @Override
        public void greyWindowStarts() {
            windowsStarted++;
        }

        @Override
        public void grey(ByteBuffer pixels, int rowStride, double seconds) {
            greyTimes.add(seconds);
            greyValues.add(pixels.get(pixels.position()) & 0xff);
        }

        @Override
        public void still(int index, Frame bgr, double seconds) {
            stillTimes.add(seconds);
            stillSizes.add(new int[] {bgr.imageWidth, bgr.imageHeight});
        }

        @Override
        public void audio(
                int channels, int sampleRate, int sampleFormat, int samples, Buffer[] planes) {
            audioSamples += samples;
        }

        @Override
        public List<Finding> findings(Outcome outcome) {
            return List.of();
        }
    }

    @Test
    void shouldDecodeOnlyTheWantedStretchesFromTheKeyframeBefore() throws Exception {
        Path video = clip(temp.resolve("clip.mp4"), 8 * TestMedia.FPS);
        Recorder picture =
                new Recorder(
                        new MediaListener.Wants(
                                List.of(new double[] {1.0, 1.5}, new double[] {6.0, 6.5}),
                                32,
                                18,
                                List.of(),
                                false));
        Recorder stills =
                new Recorder(
                        new MediaListener.Wants(
                                List.of(),
                                0,
                                0,
                                List.of(new MediaListener.Still(3.2, 4.0, 64, 36)),
                                false));

        MediaPass pass = MediaPass.run(video, List.of(picture, stills), Cancellation.none());

        assertThat(pass.outcome().failure()).isNull();
        assertThat(picture.media.video()).isTrue();
        assertThat(picture.windowsStarted).isEqualTo(2);
        assertThat(picture.greyTimes)
                .isNotEmpty()
                .allSatisfy(
                        t ->
                                assertThat((t >= 1.0 && t <= 1.7) || (t >= 6.0 && t <= 6.7))
                                        .as("%.3f s", t)
                                        .isTrue());
        assertThat(picture.greyTimes).anySatisfy(t -> assertThat(t).isBetween(6.0, 6.7));
        assertThat(stills.stillTimes)
                .singleElement()
                .satisfies(t -> assertThat(t).isBetween(3.2, 4.0));
        assertThat(stills.stillSizes).singleElement().isEqualTo(new int[] {64, 36});
        // Far fewer frames than the clip has: only from the keyframes before the stretches.
        assertThat(pass.videoFramesDecoded()).isPositive().isLessThan(8 * TestMedia.FPS / 2);
    }

    @Test
    void shouldTellWhereDecodingCanStart() throws Exception {
        Path video = clip(temp.resolve("clip.mp4"), 4 * TestMedia.FPS);
        Recorder recorder = new Recorder(MediaListener.Wants.NOTHING);

        MediaPass.run(video, List.of(recorder), Cancellation.none());

        assertThat(recorder.media.keyframeSeconds())
                .isSorted()
                .anySatisfy(t -> assertThat(t).isCloseTo(1.0, within(0.01)))
                .anySatisfy(t -> assertThat(t).isCloseTo(3.0, within(0.01)));
    }

    @Test
    void shouldTakeAStillAtAKeyframeInsideItsInterval() throws Exception {
        Path video = clip(temp.resolve("clip.mp4"), 8 * TestMedia.FPS);
        Recorder stills =
                new Recorder(
                        new MediaListener.Wants(
                                List.of(),
                                0,
                                0,
                                List.of(new MediaListener.Still(2.5, 4.0, 64, 36)),
                                false));

        MediaPass pass = MediaPass.run(video, List.of(stills), Cancellation.none());

        assertThat(stills.stillTimes)
                .singleElement()
                .satisfies(t -> assertThat(t).isCloseTo(3.0, within(1e-3)));
        // From the keyframe at 2 s to 2.5 s it would be 13 frames.
        assertThat(pass.videoFramesDecoded()).isBetween(1L, 3L);
    }

    @Test
    void shouldTakeAStillFromAGreyWindowsDecodeWithoutDecodingMore() throws Exception {
        Path video = clip(temp.resolve("clip.mp4"), 8 * TestMedia.FPS);
        MediaListener.Wants grey =
                new MediaListener.Wants(List.of(new double[] {1.2, 2.0}), 32, 18, List.of(), false);
        long alone =
                MediaPass.run(video, List.of(new Recorder(grey)), Cancellation.none())
                        .videoFramesDecoded();
        Recorder stills =
                new Recorder(
                        new MediaListener.Wants(
                                List.of(),
                                0,
                                0,
                                List.of(new MediaListener.Still(1.5, 2.5, 64, 36)),
                                false));

        MediaPass pass =
                MediaPass.run(video, List.of(new Recorder(grey), stills), Cancellation.none());

        assertThat(stills.stillTimes)
                .singleElement()
                .satisfies(t -> assertThat(t).isBetween(1.5, 2.0));
        assertThat(pass.videoFramesDecoded()).isEqualTo(alone);
    }

    /** An H.264 clip with a keyframe every second, a little brighter each frame. */
    private static Path clip(Path file, int frames) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 160, 90, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libx264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(TestMedia.FPS);
            recorder.setGopSize(TestMedia.FPS);
            recorder.setVideoOption("preset", "ultrafast");
            recorder.start();
            for (int i = 0; i < frames; i++) {
                BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(i, i, i));
                g.fillRect(0, 0, 160, 90);
                g.dispose();
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        }
        return file;
    }

    @Test
    void shouldReportAFileItCannotOpen() throws CancelledException, IOException {
        Path broken = Files.writeString(temp.resolve("broken.mp4"), "not a video");
        Recorder recorder = new Recorder(MediaListener.Wants.NOTHING);

        MediaPass pass = MediaPass.run(broken, List.of(recorder), Cancellation.none());

        assertThat(pass.outcome().media()).isNull();
        assertThat(pass.outcome().failure()).startsWith("cannot open the file");
        assertThat(recorder.media).isNull();
    }
}
