package io.reelflow.operators.quality;

import static io.reelflow.operators.render.TestMedia.FPS;
import static io.reelflow.operators.render.TestMedia.GREY;
import static io.reelflow.operators.render.TestMedia.HEIGHT;
import static io.reelflow.operators.render.TestMedia.WIDTH;
import static io.reelflow.operators.render.TestMedia.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.schemas.QualityReport;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link QualityScorer}. */
class QualityScorerTest {

    @TempDir Path temp;

    private final QualityScorer scorer = new QualityScorer();

    private Path video(String name, int width, int height, double seconds, Color colour)
            throws IOException {
        return TestMedia.writeSolidClip(
                temp.resolve(name),
                width,
                height,
                FPS,
                (int) Math.round(seconds * FPS),
                i -> colour);
    }

    @Test
    void shouldPassAGoodVideoWithFullScore() throws IOException {
        Path file = video("good.mp4", WIDTH, HEIGHT, 3.0, GREY);

        QualityReport report = scorer.score(file, spec(3.0, true));

        assertThat(report.getReasons()).isEmpty();
        assertThat(report.getPassed()).isTrue();
        assertThat(report.getScore()).isEqualTo(100.0);
        assertThat(report.getCodec()).isEqualTo("h264");
        assertThat(report.getWidth()).isEqualTo(WIDTH);
        assertThat(report.getHeight()).isEqualTo(HEIGHT);
        assertThat(report.getMeasuredDurationSeconds()).isCloseTo(3.0, within(0.001));
        assertThat(report.getBlackFrameRatio()).isZero();
    }

    @Test
    void shouldStopDecodingOnceCancelled() throws IOException {
        Path file = video("cancelled.mp4", WIDTH, HEIGHT, 3.0, GREY);
        Cancellation cancellation = Cancellation.none();
        cancellation.cancel();

        assertThatThrownBy(() -> scorer.score(file, spec(3.0, false), cancellation))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void shouldFailAVideoOfTheWrongResolution() throws IOException {
        Path file = video("small.mp4", 160, 90, 3.0, GREY);

        QualityReport report = scorer.score(file, spec(3.0, true));

        assertThat(report.getPassed()).isFalse();
        assertThat(report.getReasons()).containsExactly("resolution is 160x90, expected 320x180");
        assertThat(report.getScore()).isEqualTo(80.0);
    }

    @Test
    void shouldFailAnAllBlackVideo() throws IOException {
        Path file = video("black.mp4", WIDTH, HEIGHT, 3.0, Color.BLACK);

        QualityReport report = scorer.score(file, spec(3.0, true));

        assertThat(report.getPassed()).isFalse();
        assertThat(report.getReasons())
                .containsExactly("100% of sampled frames are black (at most 50% allowed)");
        assertThat(report.getBlackFrameRatio()).isEqualTo(1.0);
        assertThat(report.getScore()).isEqualTo(70.0);
    }

    @Test
    void shouldCountOnlyTheBlackPartOfAVideoThatFadesIn() throws IOException {
        // 1 s black then 2 s grey: a third of the samples are black, within the allowed half.
        Path file =
                TestMedia.writeSolidClip(
                        temp.resolve("fade.mp4"),
                        WIDTH,
                        HEIGHT,
                        FPS,
                        75,
                        i -> i < 25 ? Color.BLACK : GREY);

        QualityReport report = scorer.score(file, spec(3.0, true));

        assertThat(report.getPassed()).isTrue();
        assertThat(report.getBlackFrameRatio()).isCloseTo(1 / 3.0, within(0.01));
        assertThat(report.getScore()).isCloseTo(90.0, within(0.1));
    }

    @Test
    void shouldFailAVideoTooShortForItsTarget() throws IOException {
        Path file = video("short.mp4", WIDTH, HEIGHT, 2.0, GREY);

        QualityReport report = scorer.score(file, spec(4.0, true));

        assertThat(report.getPassed()).isFalse();
        assertThat(report.getReasons())
                .containsExactly("duration is 2.00 s, target 4.00 s (tolerance 1.00 s)");
        assertThat(report.getMeasuredDurationSeconds()).isCloseTo(2.0, within(0.001));
        // 30 duration points scaled by 1 - (2 - 1) / 4.
        assertThat(report.getScore()).isEqualTo(92.5);
    }

    @Test
    void shouldAcceptADurationWithinTheTolerance() throws IOException {
        Path file = video("close.mp4", WIDTH, HEIGHT, 2.2, GREY);

        assertThat(scorer.score(file, spec(3.0, true)).getPassed()).isTrue();
    }

    @Test
    void shouldFailAVideoInAnotherCodec() throws IOException {
        Path file =
                TestMedia.writeClip(
                        temp.resolve("mpeg4.mp4"),
                        "mpeg4",
                        WIDTH,
                        HEIGHT,
                        FPS,
                        75,
                        i -> TestMedia.solid(WIDTH, HEIGHT, GREY));

        QualityReport report = scorer.score(file, spec(3.0, true));

        assertThat(report.getPassed()).isFalse();
        assertThat(report.getReasons()).containsExactly("codec is mpeg4, expected h264");
    }

    @Test
    void shouldScoreACorruptFileZeroWithoutThrowing() throws IOException {
        Path file = TestMedia.writeGarbage(temp.resolve("corrupt.mp4"));

        QualityReport report = scorer.score(file, spec(3.0, true));

        assertThat(report.getPassed()).isFalse();
        assertThat(report.getScore()).isZero();
        assertThat(report.getReasons()).singleElement().asString().startsWith("not decodable: ");
    }

    @Test
    void shouldScoreAMissingFileZeroWithoutThrowing() {
        QualityReport report = scorer.score(temp.resolve("missing.mp4"), spec(3.0, true));

        assertThat(report.getPassed()).isFalse();
        assertThat(report.getScore()).isZero();
        assertThat(report.getReasons()).singleElement().asString().startsWith("not decodable: ");
    }

    @Test
    void shouldListEveryFailedCheck() throws IOException {
        Path file = video("bad.mp4", 160, 90, 1.0, Color.BLACK);

        QualityReport report = scorer.score(file, spec(4.0, true));

        assertThat(report.getReasons())
                .containsExactly(
                        "resolution is 160x90, expected 320x180",
                        "duration is 1.00 s, target 4.00 s (tolerance 1.00 s)",
                        "100% of sampled frames are black (at most 50% allowed)");
    }
}
