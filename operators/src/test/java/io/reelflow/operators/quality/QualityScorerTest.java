package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.quality.LabelledVideos.Labelled;
import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneQuality;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link QualityScorer}, on the labelled validation set: every defect caught in its scene
 * under its name, no clean video flagged.
 */
class QualityScorerTest {

    @TempDir static Path temp;

    private static List<Labelled> set;

    private final QualityScorer scorer = new QualityScorer();

    @BeforeAll
    static void renderTheSet() throws IOException {
        set = new LabelledVideos(temp).picture();
    }

    private static Labelled named(String name) {
        return set.stream().filter(video -> video.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldPassEveryCleanVideoWithFullScore() {
        for (Labelled video : set.stream().filter(Labelled::clean).toList()) {
            QualityReport report = scorer.score(video.file(), video.video());

            assertThat(report.getReasons()).as(video.name()).isEmpty();
            assertThat(report.getPassed()).as(video.name()).isTrue();
            assertThat(report.getScore()).as(video.name()).isEqualTo(100.0);
            assertThat(report.getScenes())
                    .as(video.name())
                    .extracting(SceneQuality::getIndex)
                    .containsExactly(0, 1, 2);
        }
    }

    @Test
    void shouldCatchEveryDefectInItsSceneAndNothingElse() {
        List<Labelled> defective = set.stream().filter(video -> !video.clean()).toList();
        assertThat(defective)
                .extracting(Labelled::defect)
                .contains(
                        Defect.BLACK,
                        Defect.FROZEN,
                        Defect.BLURRED,
                        Defect.OVEREXPOSED,
                        Defect.WRONG_DURATION);
        for (Labelled video : defective) {
            QualityReport report = scorer.score(video.file(), video.video());

            assertThat(report.getPassed()).as(video.name()).isFalse();
            assertThat(report.getReasons()).as(video.name()).hasSize(1);
            for (SceneQuality scene : report.getScenes()) {
                if (scene.getIndex() == video.scene()) {
                    assertThat(scene.getDefects()).as(video.name()).containsExactly(video.defect());
                    assertThat(scene.getPassed()).isFalse();
                    assertThat(report.getReasons().get(0))
                            .startsWith("scene " + video.scene() + ": ");
                } else {
                    assertThat(scene.getDefects()).as(video.name()).isEmpty();
                }
            }
            assertThat(report.getScore()).as(video.name()).isLessThanOrEqualTo(80.0);
        }
    }

    @Test
    void shouldReportTheWholeVideoAndEachScene() {
        Labelled black = named("black-photo");

        QualityReport report = scorer.score(black.file(), black.video());

        assertThat(report.getPreset()).isEqualTo(QualityConfig.STANDARD);
        assertThat(report.getCodec()).isEqualTo("h264");
        assertThat(report.getWidth()).isEqualTo(LabelledVideos.WIDTH);
        assertThat(report.getMeasuredDurationSeconds()).isEqualTo(5.0);
        assertThat(report.getSignals())
                .containsEntry(PictureAnalyzer.Signal.DURATION, 5.0)
                .containsEntry(PictureAnalyzer.Signal.H264, 1.0);
        SceneQuality scene = report.getScenes().get(LabelledVideos.PHOTO_SCENE);
        assertThat(scene.getStartSeconds()).isEqualTo(1.5);
        assertThat(scene.getEndSeconds()).isEqualTo(3.5);
        assertThat(scene.getScore()).isZero();
        assertThat(scene.getReasons())
                .singleElement()
                .asString()
                .startsWith("the picture is black");
        assertThat(scene.getSignals()).containsKey(PictureAnalyzer.Signal.BLACK_SHARE);
        // The black scene is 2 of 5 s: the video keeps the other scenes' 60 %.
        assertThat(report.getScore()).isEqualTo(60.0);
        assertThat(report.getReasons())
                .singleElement()
                .asString()
                .startsWith("scene 1: the picture is black in ");
    }

    @Test
    void shouldWeighInTheFindingsOfFurtherAnalyzers() {
        Labelled clean = named("clean-cut");
        QualityAnalyzer silent =
                (file, video, cancellation) ->
                        List.of(
                                Finding.failed(
                                        "speechShare", 2, 0, "SILENT", "no speech was heard"),
                                Finding.passed("integratedLoudnessLufs", Finding.WHOLE_VIDEO, -16));
        QualityAnalyzer broken =
                (file, video, cancellation) -> {
                    throw new IllegalStateException("a bug");
                };

        QualityReport report =
                new QualityScorer(QualityConfig.defaults(), List.of(silent, broken))
                        .score(clean.file(), clean.video());

        assertThat(report.getPassed()).isFalse();
        assertThat(report.getReasons()).containsExactly("scene 2: no speech was heard");
        assertThat(report.getSignals()).containsEntry("integratedLoudnessLufs", -16.0);
        assertThat(report.getScenes().get(2).getDefects()).containsExactly("SILENT");
        // Scene 2 (1.5 of 5 s) loses the default penalty of 40 points.
        assertThat(report.getScore()).isEqualTo(100 - 40 * 1.5 / 5);
    }

    @Test
    void shouldJudgeAgainstTheRequestsPreset() {
        Labelled clean = named("clean-crossfade");
        RenderedVideo draft =
                RenderedVideo.newBuilder(clean.video())
                        .setSpec(
                                RenderSpec.newBuilder(clean.video().getSpec())
                                        .setQualityPreset(QualityConfig.DRAFT)
                                        .build())
                        .build();

        assertThat(scorer.score(clean.file(), draft).getPreset()).isEqualTo(QualityConfig.DRAFT);
        assertThat(
                        new QualityScorer(QualityConfig.preset("strict"))
                                .score(clean.file(), clean.video())
                                .getPreset())
                .isEqualTo(QualityConfig.STRICT);
    }

    @Test
    void shouldScoreAnUnreadableFileZero() throws IOException {
        Path garbage = TestMedia.writeGarbage(temp.resolve("garbage.mp4"));

        QualityReport report = scorer.score(garbage, named("clean-cut").video());

        assertThat(report.getScore()).isZero();
        assertThat(report.getPassed()).isFalse();
        assertThat(report.getScenes()).isEmpty();
        assertThat(report.getReasons()).singleElement().asString().startsWith("not decodable: ");
        assertThat(Map.copyOf(report.getSignals())).isEmpty();
    }
}
