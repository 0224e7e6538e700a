package io.reelflow.connectors.testing;

import io.reelflow.schemas.Credit;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.List;

/** Named records for the connector tests. */
public final class TestRecords {
    public static final String RUN_ID = "run-1";
    public static final Instant COMPLETED_AT = Instant.parse("2025-03-01T12:00:00Z");

    private TestRecords() {}

    public static Credit credit(String assetId) {
        return Credit.newBuilder()
                .setAssetId(assetId)
                .setUri("s3://reelflow/catalog/" + assetId + ".jpg")
                .setTitle("Title of " + assetId)
                .setAuthor("Ada")
                .setLicence("CC-BY-4.0")
                .setSourceUrl(null)
                .build();
    }

    /** A completed result with quality and one credit. */
    public static VideoResult completedResult(String requestId, Instant completedAt) {
        return VideoResult.newBuilder()
                .setRequestId(requestId)
                .setRunId(RUN_ID)
                .setStatus(ResultStatus.COMPLETED)
                .setVideoUri("s3://reelflow/videos/" + RUN_ID + "/" + requestId + ".mp4")
                .setThumbnailUri("s3://reelflow/thumbnails/" + RUN_ID + "/" + requestId + ".jpg")
                .setSubtitlesUri(null)
                .setContactSheetUri(
                        "s3://reelflow/contact-sheets/" + RUN_ID + "/" + requestId + ".jpg")
                .setDurationSeconds(12.5)
                .setWidth(1280)
                .setHeight(720)
                .setLanguage("de")
                .setSceneCount(3)
                .setQuality(
                        QualityReport.newBuilder()
                                .setScore(87.5)
                                .setPassed(true)
                                .setReasons(List.of("duration within 5%"))
                                .build())
                .setCredits(List.of(credit("asset-1")))
                .setError(null)
                .setCompletedAt(completedAt)
                .setTargetDurationSeconds(10.0)
                .setNotes(List.of("narration: the video lasts 12.5 s instead of the 10.0 s asked"))
                .build();
    }

    /** A failed result: no media, no quality, an error. */
    public static VideoResult failedResult(String requestId, Instant completedAt) {
        return VideoResult.newBuilder()
                .setRequestId(requestId)
                .setRunId(RUN_ID)
                .setStatus(ResultStatus.FAILED)
                .setError("renderer crashed")
                .setCompletedAt(completedAt)
                .build();
    }

    public static StatusEvent status(String requestId, Phase phase, int progress, Instant at) {
        return StatusEvent.newBuilder()
                .setRequestId(requestId)
                .setRunId(RUN_ID)
                .setPhase(phase)
                .setProgress(progress)
                .setAt(at)
                .setMessage(phase + " at " + progress + "%")
                .setLanguage(phase == Phase.RECEIVED ? null : "de")
                .setLanguageConfidence(phase == Phase.RECEIVED ? null : 0.93)
                .setSceneCount(phase == Phase.SCENES_PLANNED ? 4 : null)
                .build();
    }

    public static DeadLetter deadLetter(String requestId, String key) {
        return DeadLetter.newBuilder()
                .setReason("malformed JSON")
                .setStage("parse")
                .setRequestId(requestId)
                .setSourceTopic("reelflow.requests")
                .setSourcePartition(1)
                .setSourceOffset(42)
                .setKey(key)
                .setPayload(null)
                .setAt(COMPLETED_AT)
                .build();
    }
}
