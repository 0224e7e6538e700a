package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;

import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.operators.render.VideoEncoder;
import io.reelflow.operators.render.audio.TestAudio;
import io.reelflow.operators.render.internal.NvencProbe.Outcome;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
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

    @Test
    void shouldInterleaveASoundtrackThatIsReadyOnlyAfterTheFirstFrames() throws IOException {
        Path track = TestAudio.tone(temp.resolve("late.wav"), 440, 0.3, 48_000, 2, 3.0);
        LateAudio late = new LateAudio(Optional.of(track));
        Path file = temp.resolve("late.mp4");

        try (VideoWriter writer = openWith(file, late)) {
            Canvas canvas = new Canvas(64, 36);
            for (int frame = 0; frame < 75; frame++) {
                late.ready = frame >= 25;
                writer.write(canvas);
            }
            writer.finish();

            assertThat(writer.audioProblem()).isNull();
        }

        assertThat(MediaProbe.probe(file).audioCodec()).isEqualTo("aac");
        assertThat(MediaProbe.probe(file).durationSeconds()).isCloseTo(3.0, within(0.1));
        Layout layout = Layout.of(file);
        // The muxer held the first second of video until the sound came: the sound's first packet
        // lies before the video's second second in the file, as if it had been ready at once.
        assertThat(layout.audioPositions().get(0))
                .isLessThan(layout.videoPositions().get(26))
                .isGreaterThan(layout.videoPositions().get(0));
    }

    @Test
    void shouldWaitForALateSoundtrackOnlyOnceTheVideoIsFiveSecondsAhead() throws IOException {
        Path track = TestAudio.tone(temp.resolve("late.wav"), 440, 0.3, 48_000, 2, 6.0);
        LateAudio late = new LateAudio(Optional.of(track));

        try (VideoWriter writer = openWith(temp.resolve("late.mp4"), late)) {
            Canvas canvas = new Canvas(64, 36);
            for (int frame = 0; frame < 124; frame++) {
                writer.write(canvas);
            }
            assertThat(late.awaited).isZero();

            writer.write(canvas);

            assertThat(late.awaited).isEqualTo(1);
            writer.finish();
        }
    }

    @Test
    void shouldFillTheAudioStreamWithSilenceWhenALateSoundtrackWasNotMade() throws IOException {
        Path file = temp.resolve("silent.mp4");

        try (VideoWriter writer = openWith(file, new LateAudio(Optional.empty()))) {
            Canvas canvas = new Canvas(64, 36);
            for (int frame = 0; frame < 50; frame++) {
                writer.write(canvas);
            }
            writer.finish();

            assertThat(writer.audioProblem()).isEqualTo("no soundtrack was made");
        }

        assertThat(MediaProbe.probe(file).audioCodec()).isEqualTo("aac");
        assertThat(MediaProbe.probe(file).durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(Layout.of(file).loudestSample()).isZero();
    }

    @Test
    void shouldKeepASilentAudioStreamWhenTheSoundtrackFailedBeforeTheVideoOpened()
            throws IOException {
        Path file = temp.resolve("failed-early.mp4");
        LateAudio failed = new LateAudio(Optional.empty());
        failed.ready = true;

        try (VideoWriter writer = openWith(file, failed)) {
            Canvas canvas = new Canvas(64, 36);
            for (int frame = 0; frame < 25; frame++) {
                writer.write(canvas);
            }
            writer.finish();

            assertThat(writer.audioProblem()).isEqualTo("no soundtrack was made");
        }

        assertThat(MediaProbe.probe(file).audioCodec()).isEqualTo("aac");
        assertThat(Layout.of(file).loudestSample()).isZero();
    }

    private static VideoWriter openWith(Path file, VideoWriter.AudioSource audio)
            throws IOException {
        return VideoWriter.open(
                file, 64, 36, 25, RenderConfig.defaults(), List.of(VideoWriter.X264), audio);
    }

    /** A soundtrack still being made until a test says it is ready. */
    private static final class LateAudio implements VideoWriter.AudioSource {
        private final Optional<Path> file;
        volatile boolean ready;
        int awaited;

        LateAudio(Optional<Path> file) {
            this.file = file;
        }

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public Optional<Path> await() {
            awaited++;
            return file;
        }
    }

    /** Where each stream's packets lie in a file, by byte offset, and its loudest sample. */
    private record Layout(List<Long> videoPositions, List<Long> audioPositions, int loudestSample) {

        static Layout of(Path file) throws IOException {
            List<Long> video = new ArrayList<>();
            List<Long> audio = new ArrayList<>();
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    (packet.stream_index() == grabber.getVideoStream() ? video : audio)
                            .add(packet.pos());
                    av_packet_unref(packet);
                }
                grabber.stop();
            }
            int loudest = 0;
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.setSampleFormat(AV_SAMPLE_FMT_S16);
                grabber.start();
                Frame samples;
                while ((samples = grabber.grabSamples()) != null) {
                    ShortBuffer buffer = (ShortBuffer) samples.samples[0];
                    for (int i = buffer.position(); i < buffer.limit(); i++) {
                        loudest = Math.max(loudest, Math.abs(buffer.get(i)));
                    }
                }
                grabber.stop();
            }
            Collections.sort(video);
            Collections.sort(audio);
            return new Layout(video, audio, loudest);
        }
    }
}
