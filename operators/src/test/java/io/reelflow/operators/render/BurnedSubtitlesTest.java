package io.reelflow.operators.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link BurnedSubtitles}. */
class BurnedSubtitlesTest {

    private static RenderJob job(ClipSource first, boolean subtitles) {
        return TestMedia.job(
                TestMedia.spec(6, subtitles),
                List.of(
                        TestMedia.clip(0, "A first short sentence.", 0, 3, first, "s3://a", 2),
                        TestMedia.clip(
                                1,
                                "A second one, long enough to need two lines on a small frame.",
                                3,
                                6,
                                ClipSource.STOCK_PHOTO,
                                "s3://b",
                                2)));
    }

    @Test
    void shouldPlaceEachCueInsideItsBoxNearTheBottom() {
        List<BurnedSubtitles.Cue> cues =
                BurnedSubtitles.of(job(ClipSource.STOCK_PHOTO, true), RenderConfig.defaults());

        assertThat(cues).extracting(BurnedSubtitles.Cue::sceneIndex).containsExactly(0, 1);
        assertThat(cues)
                .allSatisfy(
                        cue -> {
                            assertThat(cue.box().contains(cue.text())).isTrue();
                            assertThat(cue.box().getMaxY()).isLessThan(TestMedia.HEIGHT);
                            assertThat(cue.box().y).isGreaterThan(TestMedia.HEIGHT / 2);
                            assertThat(cue.lines()).isEqualTo(cue.cue().lines().size());
                        });
        assertThat(cues.get(1).lines()).isEqualTo(2);
        assertThat(cues.get(1).text().height).isGreaterThan(cues.get(0).text().height);
    }

    @Test
    void shouldLeaveOutTitleCardsAndScenesThatFellBackToOne() {
        assertThat(BurnedSubtitles.of(job(ClipSource.TITLE_CARD, true), RenderConfig.defaults()))
                .extracting(BurnedSubtitles.Cue::sceneIndex)
                .containsExactly(1);

        RenderJob job = job(ClipSource.STOCK_PHOTO, true);
        RenderedVideo video =
                RenderedVideo.newBuilder()
                        .setRequestId("r")
                        .setRunId("run")
                        .setLanguage("en")
                        .setSpec(job.getSpec())
                        .setDurationSeconds(6)
                        .setWidth(TestMedia.WIDTH)
                        .setHeight(TestMedia.HEIGHT)
                        .setSceneCount(2)
                        .setDegradedReasons(
                                List.of(
                                        "scene 1: STOCK_PHOTO media unreadable"
                                                + BurnedSubtitles.TITLE_CARD_SHOWN))
                        .setJob(job)
                        .build();
        assertThat(BurnedSubtitles.of(video, RenderConfig.defaults()))
                .extracting(BurnedSubtitles.Cue::sceneIndex)
                .containsExactly(0);
    }

    @Test
    void shouldHaveNoneWithSubtitlesOff() {
        assertThat(BurnedSubtitles.of(job(ClipSource.STOCK_PHOTO, false), RenderConfig.defaults()))
                .isEmpty();
    }
}
