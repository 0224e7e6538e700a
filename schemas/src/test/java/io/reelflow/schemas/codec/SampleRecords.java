package io.reelflow.schemas.codec;

import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.VideoResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated instance of every wire type, for round-trip tests. */
final class SampleRecords {
    static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    private SampleRecords() {}

    static VideoRequest request() {
        return VideoRequest.newBuilder()
                .setRequestId("req-1")
                .setText("Über den Bergen geht die Sonne auf. Ein Adler kreist.")
                .setLanguageHint("de")
                .setTargetDurationSeconds(12.5)
                .setAspectRatio("16:9")
                .setResolution("720p")
                .setSubtitles(true)
                .setNarration(false)
                .setStyle("documentary")
                .setCallbackUrl("http://localhost/callback")
                .setPriority(3)
                .setAttributes(Map.of("team", "news"))
                .build();
    }

    static RenderSpec spec() {
        return RenderSpec.newBuilder()
                .setWidth(1280)
                .setHeight(720)
                .setFps(25)
                .setTargetDurationSeconds(12.5)
                .setSubtitles(true)
                .setStyle(null)
                .build();
    }

    static Scene scene() {
        return Scene.newBuilder()
                .setIndex(0)
                .setText("Über den Bergen geht die Sonne auf.")
                .setStartSeconds(0)
                .setEndSeconds(6.25)
                .setKeywords(List.of("berg", "sonne"))
                .setEntities(List.of())
                .setSceneMood(Mood.CALM)
                .setCameraMoves(List.of(CameraMove.AERIAL, CameraMove.SLOW_MOTION))
                .setTimeCues(List.of("dawn"))
                .setPrompt("An aerial shot of mountains at dawn, calm mood.")
                .setNegativePrompt("text, watermark")
                .build();
    }

    static Credit credit() {
        return Credit.newBuilder()
                .setAssetId("a-1")
                .setUri("s3://reelflow/assets/a-1.jpg")
                .setTitle("Alps")
                .setAuthor("Jane Doe")
                .setLicence("CC BY 4.0")
                .setSourceUrl(null)
                .build();
    }

    static SceneClip clip() {
        return SceneClip.newBuilder()
                .setRequestId("req-1")
                .setRunId("live")
                .setSceneCount(2)
                .setScene(scene())
                .setSource(ClipSource.STOCK_PHOTO)
                .setMediaUri("s3://reelflow/assets/a-1.jpg")
                .setCredit(credit())
                .setDegraded(false)
                .setNote(null)
                .build();
    }

    static QualityReport quality() {
        return QualityReport.newBuilder()
                .setScore(97.5)
                .setPassed(true)
                .setReasons(List.of())
                .setMeasuredDurationSeconds(12.48)
                .setWidth(1280)
                .setHeight(720)
                .setCodec("h264")
                .setBlackFrameRatio(0.0)
                .build();
    }

    /** Every record type that crosses an operator or a topic. */
    static List<SpecificRecord> all() {
        AssetMatch match =
                AssetMatch.newBuilder()
                        .setAssetId("a-1")
                        .setUri("s3://reelflow/assets/a-1.jpg")
                        .setKind(AssetKind.PHOTO)
                        .setDurationSeconds(null)
                        .setScore(0.8)
                        .setReasons(List.of("keyword: berg"))
                        .setCredit(credit())
                        .build();
        return List.of(
                request(),
                RawRequest.newBuilder()
                        .setTopic("reelflow.requests")
                        .setPartition(1)
                        .setOffset(42)
                        .setTimestamp(AT.toEpochMilli())
                        .setKey("req-1")
                        .setPayload(ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                AcceptedRequest.newBuilder()
                        .setRunId("live")
                        .setRequest(request())
                        .setSpec(spec())
                        .setReceivedAt(AT)
                        .build(),
                ScenePlan.newBuilder()
                        .setRequestId("req-1")
                        .setRunId("live")
                        .setLanguage("de")
                        .setLanguageConfidence(0.93)
                        .setSpec(spec())
                        .setScenes(List.of(scene()))
                        .setWarnings(List.of("w"))
                        .build(),
                SceneTask.newBuilder()
                        .setRequestId("req-1")
                        .setRunId("live")
                        .setLanguage("de")
                        .setSceneCount(2)
                        .setSpec(spec())
                        .setScene(scene())
                        .setAsset(match)
                        .build(),
                clip(),
                RenderJob.newBuilder()
                        .setRequestId("req-1")
                        .setRunId("live")
                        .setLanguage("de")
                        .setSpec(spec())
                        .setClips(List.of(clip()))
                        .build(),
                RenderedVideo.newBuilder()
                        .setRequestId("req-1")
                        .setRunId("live")
                        .setLanguage("de")
                        .setSpec(spec())
                        .setVideoUri("s3://reelflow/videos/live/req-1.mp4")
                        .setThumbnailUri("s3://reelflow/thumbnails/live/req-1.jpg")
                        .setSubtitlesUri(null)
                        .setDurationSeconds(12.48)
                        .setWidth(1280)
                        .setHeight(720)
                        .setCodec("h264")
                        .setSceneCount(2)
                        .setDegraded(false)
                        .setCredits(List.of(credit()))
                        .setNotes(List.of("encoder libx264"))
                        .build(),
                quality(),
                VideoResult.newBuilder()
                        .setRequestId("req-1")
                        .setRunId("live")
                        .setStatus(ResultStatus.COMPLETED)
                        .setVideoUri("s3://reelflow/videos/live/req-1.mp4")
                        .setThumbnailUri("s3://reelflow/thumbnails/live/req-1.jpg")
                        .setSubtitlesUri("s3://reelflow/subtitles/live/req-1.srt")
                        .setDurationSeconds(12.48)
                        .setWidth(1280)
                        .setHeight(720)
                        .setLanguage("de")
                        .setSceneCount(2)
                        .setQuality(quality())
                        .setCredits(List.of(credit()))
                        .setError(null)
                        .setCompletedAt(AT)
                        .build(),
                StatusEvent.newBuilder()
                        .setRequestId("req-1")
                        .setRunId("live")
                        .setPhase(Phase.SCENES_PLANNED)
                        .setProgress(30)
                        .setAt(AT)
                        .setMessage("2 scenes")
                        .setLanguage("de")
                        .setLanguageConfidence(0.93)
                        .setSceneCount(2)
                        .build(),
                DeadLetter.newBuilder()
                        .setReason("malformed JSON")
                        .setStage("parse")
                        .setRequestId(null)
                        .setSourceTopic("reelflow.requests")
                        .setSourcePartition(0)
                        .setSourceOffset(7)
                        .setKey(null)
                        .setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                        .setAt(AT)
                        .build());
    }
}
