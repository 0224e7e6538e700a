package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.internal.MediaPass;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.SceneQuality;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link QualityScorer}'s single decode: every analyzer that joins it ({@link
 * PictureAnalyzer}, {@link SoundAnalyzer}, {@link SubtitleAnalyzer}) is served by one read of the
 * file and finds what it finds reading the file alone.
 */
class SharedDecodeTest {

    @TempDir static Path temp;

    private static SoundVideos.Made narrated;

    @BeforeAll
    static void render() throws IOException {
        SoundVideos videos = new SoundVideos(temp);
        narrated = videos.narratedWithMusic(videos.speechLike());
    }

    /** The scorer's decoder, counting how often it reads a file and what it decoded. */
    private static final class CountingDecoder implements QualityScorer.Decoder {
        final AtomicInteger reads = new AtomicInteger();
        final List<MediaPass> passes = new ArrayList<>();

        @Override
        public MediaPass decode(Path file, List<MediaListener> listeners, Cancellation cancellation)
                throws CancelledException {
            reads.incrementAndGet();
            MediaPass pass = MediaPass.run(file, listeners, cancellation);
            passes.add(pass);
            return pass;
        }
    }

    @Test
    void shouldReadTheFileOnceForPictureSoundAndSubtitles() {
        CountingDecoder decoder = new CountingDecoder();
        QualityScorer scorer =
                new QualityScorer(
                        QualityConfig.defaults(),
                        List.of(new SoundAnalyzer(), new SubtitleAnalyzer()),
                        decoder);

        QualityReport report = scorer.score(narrated.file(), narrated.video());

        assertThat(decoder.reads).hasValue(1);
        MediaPass pass = decoder.passes.get(0);
        // The whole sound (AAC frames of 1024 samples at 48 kHz), and only sampled stretches of
        // the picture: fewer frames than the video has.
        double seconds = narrated.video().getDurationSeconds();
        assertThat(pass.audioFramesDecoded())
                .isGreaterThanOrEqualTo((long) (seconds * 48_000 / 1024));
        assertThat(pass.videoFramesDecoded())
                .isPositive()
                .isLessThan(Math.round(seconds * narrated.video().getSpec().getFps()));
        // The light photo behind the subtitles is flat: low contrast is its only failure.
        assertThat(report.getDefects()).isEmpty();
        assertThat(report.getScenes())
                .flatExtracting(SceneQuality::getDefects)
                .containsOnly(PictureAnalyzer.Defect.LOW_CONTRAST);
        assertThat(report.getSignals())
                .containsKeys(
                        SoundAnalyzer.INTEGRATED_LOUDNESS,
                        SoundAnalyzer.TRUE_PEAK_DBTP,
                        PictureAnalyzer.Signal.DURATION);
        for (SceneQuality scene : report.getScenes()) {
            assertThat(scene.getSignals())
                    .as("scene %d", scene.getIndex())
                    .containsKeys(
                            SubtitleAnalyzer.CONTRAST,
                            SoundAnalyzer.SPEECH_MODULATION,
                            PictureAnalyzer.Signal.CONTRAST);
        }
    }

    @Test
    void shouldFindTheSameTogetherAsEachAnalyzerAlone() throws CancelledException {
        SoundAnalyzer sound = new SoundAnalyzer();
        SubtitleAnalyzer subtitles = new SubtitleAnalyzer();
        PictureAnalyzer picture = new PictureAnalyzer(QualityConfig.defaults());
        List<MediaListener> listeners =
                List.of(
                        picture.listen(narrated.video()),
                        sound.listen(narrated.video()),
                        subtitles.listen(narrated.video()));

        MediaPass pass = MediaPass.run(narrated.file(), listeners, Cancellation.none());

        Cancellation none = Cancellation.none();
        assertThat(listeners.get(0).findings(pass.outcome()))
                .isEqualTo(picture.analyze(narrated.file(), narrated.video(), none));
        assertThat(listeners.get(1).findings(pass.outcome()))
                .isNotEmpty()
                .isEqualTo(sound.analyze(narrated.file(), narrated.video(), none));
        assertThat(listeners.get(2).findings(pass.outcome()))
                .isNotEmpty()
                .isEqualTo(subtitles.analyze(narrated.file(), narrated.video(), none));
    }

    @Test
    void shouldLeaveOutOnlyTheFindingsOfAListenerThatBreaks() {
        QualityAnalyzer broken =
                new QualityAnalyzer() {
                    @Override
                    public List<Finding> analyze(
                            Path file, io.reelflow.schemas.RenderedVideo video, Cancellation c) {
                        throw new AssertionError("joins the decode, never reads alone");
                    }

                    @Override
                    public MediaListener listen(io.reelflow.schemas.RenderedVideo video) {
                        return new MediaListener() {
                            @Override
                            public Wants wants(Media media) {
                                return new Wants(List.of(), 0, 0, List.of(), true);
                            }

                            @Override
                            public void audio(
                                    int channels,
                                    int sampleRate,
                                    int sampleFormat,
                                    int samples,
                                    java.nio.Buffer[] planes) {
                                throw new IllegalStateException("a bug");
                            }

                            @Override
                            public List<Finding> findings(Outcome outcome) {
                                return List.of(
                                        Finding.failed("x", Finding.WHOLE_VIDEO, 0, "X", "never"));
                            }
                        };
                    }
                };
        QualityScorer scorer =
                new QualityScorer(QualityConfig.defaults(), List.of(broken, new SoundAnalyzer()));

        QualityReport report = scorer.score(narrated.file(), narrated.video());

        assertThat(report.getReasons()).allMatch(reason -> reason.contains("low contrast"));
        assertThat(report.getSignals()).containsKey(SoundAnalyzer.INTEGRATED_LOUDNESS);
        assertThat(report.getSignals()).doesNotContainKey("x");
    }
}
