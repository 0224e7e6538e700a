package io.reelflow.operators.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneQuality;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link VideoResults} and {@link StatusEvents#finished}. */
class VideoResultsTest {
    private static final Instant AT = Instant.parse("2026-11-22T00:00:00Z");

    private static RenderedVideo video(boolean degraded) {
        return RenderedVideo.newBuilder()
                .setRequestId("r")
                .setRunId(Fixtures.RUN_ID)
                .setLanguage("en")
                .setSpec(Fixtures.spec(4))
                .setVideoUri("s3://b/videos/r.mp4")
                .setThumbnailUri("s3://b/thumbnails/r.jpg")
                .setDurationSeconds(4.0)
                .setWidth(320)
                .setHeight(180)
                .setCodec("h264")
                .setSceneCount(2)
                .setDegraded(degraded)
                .setCredits(
                        List.of(
                                Credit.newBuilder()
                                        .setAssetId("harbour")
                                        .setUri("s3://b/assets/harbour.jpg")
                                        .setAuthor("Ada")
                                        .setLicence("CC-BY-4.0")
                                        .build()))
                .setNotes(List.of())
                .build();
    }

    private static QualityReport quality(boolean passed, String... reasons) {
        return QualityReport.newBuilder()
                .setScore(passed ? 100 : 40)
                .setPassed(passed)
                .setReasons(List.of(reasons))
                .build();
    }

    @Test
    void shouldCompleteWhenChecksPassWithoutFallbacks() {
        VideoResult result = VideoResults.scored(video(false), quality(true), AT);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(result.getError()).isNull();
        assertThat(StatusEvents.finished(result).getMessage())
                .isEqualTo("COMPLETED s3://b/videos/r.mp4 (quality 100)");
        assertThat(result.getVideoUri()).isEqualTo("s3://b/videos/r.mp4");
        StatusEvent event = StatusEvents.finished(result);
        assertThat(event.getPhase()).isEqualTo(Phase.COMPLETED);
        assertThat(event.getProgress()).isEqualTo(100);
        assertThat(event.getVideoUri()).isEqualTo("s3://b/videos/r.mp4");
        assertThat(result.getCredits()).extracting(Credit::getLicence).containsExactly("CC-BY-4.0");
        assertThat(event.getCredits()).isEqualTo(result.getCredits());
    }

    @Test
    void shouldAddressTheResultToTheRequestsCallbackUrl() {
        RenderedVideo video = video(false);
        video.getSpec().setCallbackUrl("https://hooks.example.com/r");

        assertThat(VideoResults.scored(video, quality(true), AT).getCallbackUrl())
                .isEqualTo("https://hooks.example.com/r");
        assertThat(VideoResults.failed(video(false), "render failed", AT).getCallbackUrl())
                .isNull();
    }

    @Test
    void shouldCarryTheLengthAskedForAndTheVideosNotes() {
        RenderedVideo video = video(false);
        video.getSpec().setTargetDurationSeconds(47.32);
        video.getSpec().setRequestedDurationSeconds(30.0);
        String length =
                "narration sets the length: 47.3 s, as long as its speech, instead of the 30.0 s"
                        + " asked";
        video.setNotes(List.of(length, "encoded with libx264"));

        VideoResult narrated = VideoResults.scored(video, quality(true), AT);
        VideoResult plain = VideoResults.failed(video(false), "renderer crashed", AT);

        assertThat(narrated.getTargetDurationSeconds()).isEqualTo(30.0);
        assertThat(narrated.getNotes()).containsExactly(length, "encoded with libx264");
        assertThat(plain.getTargetDurationSeconds()).isEqualTo(4.0);
        assertThat(plain.getNotes()).isEmpty();
    }

    @Test
    void shouldMarkDegradedWhenAFallbackWasUsed() {
        assertThat(VideoResults.scored(video(true), quality(true), AT).getStatus())
                .isEqualTo(ResultStatus.DEGRADED);
    }

    @Test
    void shouldCarryTheDegradedReasonsToTheResultAndItsTerminalEvent() {
        String font =
                "Old Hungarian text has no font: left out of burned-in subtitles and title cards;"
                        + " SRT and WebVTT keep it";
        RenderedVideo video = video(true);
        video.setDegradedReasons(
                List.of("scene 1: STOCK_PHOTO media unreadable, title card shown", font));

        VideoResult result = VideoResults.scored(video, quality(true), AT);
        StatusEvent event = StatusEvents.finished(result);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getError())
                .isEqualTo("scene 1: STOCK_PHOTO media unreadable, title card shown; " + font);
        assertThat(event.getPhase()).isEqualTo(Phase.DEGRADED);
        assertThat(event.getVideoUri()).isEqualTo("s3://b/videos/r.mp4");
        assertThat(event.getMessage())
                .startsWith("DEGRADED s3://b/videos/r.mp4 (quality 100): ")
                .endsWith(font);
    }

    @Test
    void shouldKeepTheQualityReasonsWhenADegradedVideoFailsItsChecks() {
        RenderedVideo video = video(true);
        video.setDegradedReasons(List.of("Tangut text has no font: left out of title cards"));

        VideoResult result = VideoResults.scored(video, quality(false, "black"), AT);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.getError()).isEqualTo("quality checks failed: black");
    }

    @Test
    void shouldNameTheScoreTheRepairedScenesAndWhatTheRepairDidInTheTerminalEvent() {
        QualityReport repaired =
                QualityReport.newBuilder(quality(true, "scene 1 (black): replaced by asset b1"))
                        .setScore(92)
                        .setRepairedScenes(List.of(1))
                        .build();

        VideoResult result = VideoResults.scored(video(false), repaired, AT);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(StatusEvents.finished(result).getMessage())
                .isEqualTo(
                        "COMPLETED s3://b/videos/r.mp4 (quality 92, repaired scene 1): scene 1"
                                + " (black): replaced by asset b1");
    }

    @Test
    void shouldDegradeWithTheReasonsARepairCouldNotFix() {
        VideoResult result =
                VideoResults.degraded(
                        video(false),
                        quality(false, "scene 0 is black"),
                        List.of("scene 0 (black): not repaired, no unused alternative asset"),
                        AT);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(StatusEvents.finished(result).getMessage())
                .isEqualTo(
                        "DEGRADED s3://b/videos/r.mp4 (quality 40): scene 0 (black): not"
                                + " repaired, no unused alternative asset");
    }

    @Test
    void shouldFailWithTheReasonsWhenAQualityCheckFails() {
        VideoResult result =
                VideoResults.scored(video(false), quality(false, "too short", "black"), AT);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.getError()).isEqualTo("quality checks failed: too short; black");
        assertThat(StatusEvents.finished(result).getMessage())
                .isEqualTo("FAILED (quality 40): quality checks failed: too short; black");
        // A video that failed its checks is no answer to give a client early.
        assertThat(StatusEvents.finished(result).getVideoUri()).isNull();
    }

    @Test
    void shouldDegradeAWatchableVideoWhoseScenesFailTheirChecks() {
        RenderedVideo video = video(true);
        video.setDegradedReasons(List.of("scene 1: title card shown"));
        QualityReport report =
                QualityReport.newBuilder(quality(false, "scene 0: blurred"))
                        .setScenes(
                                List.of(
                                        SceneQuality.newBuilder()
                                                .setIndex(0)
                                                .setStartSeconds(0)
                                                .setEndSeconds(2)
                                                .setScore(60)
                                                .setPassed(false)
                                                .setDefects(List.of("BLURRED"))
                                                .build()))
                        .build();

        VideoResult result = VideoResults.scored(video, report, AT);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getError()).isEqualTo("scene 1: title card shown; scene 0: blurred");
    }

    @Test
    void shouldFailAVideoThatIsNotTheCodecItWasPromised() {
        QualityReport report =
                QualityReport.newBuilder(quality(false, "codec is mpeg4, expected h264"))
                        .setDefects(List.of("WRONG_CODEC"))
                        .build();

        VideoResult result = VideoResults.scored(video(false), report, AT);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.getError())
                .isEqualTo("quality checks failed: codec is mpeg4, expected h264");
    }
}
