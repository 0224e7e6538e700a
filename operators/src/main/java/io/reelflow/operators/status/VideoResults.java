package io.reelflow.operators.status;

import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.List;

/** How a rendered, scored video becomes the result users see. */
public final class VideoResults {
    private VideoResults() {}

    /**
     * COMPLETED when every quality check passed and no fallback was used; DEGRADED when checks
     * passed but a fallback stood in for some media or text was left out, with the reasons as its
     * {@code error}; FAILED when a check failed.
     */
    public static VideoResult scored(RenderedVideo video, QualityReport quality, Instant at) {
        ResultStatus status =
                !quality.getPassed()
                        ? ResultStatus.FAILED
                        : video.getDegraded() ? ResultStatus.DEGRADED : ResultStatus.COMPLETED;
        String error =
                switch (status) {
                    case FAILED ->
                            "quality checks failed: " + String.join("; ", quality.getReasons());
                    case DEGRADED ->
                            video.getDegradedReasons().isEmpty()
                                    ? null
                                    : String.join("; ", video.getDegradedReasons());
                    default -> null;
                };
        return base(video, at).setStatus(status).setQuality(quality).setError(error).build();
    }

    /**
     * DEGRADED: a video that failed quality checks a repair could not fix (or that was not
     * repaired), with {@code reasons} as its {@code error}.
     */
    public static VideoResult degraded(
            RenderedVideo video, QualityReport quality, List<String> reasons, Instant at) {
        return base(video, at)
                .setStatus(ResultStatus.DEGRADED)
                .setQuality(quality)
                .setError(String.join("; ", reasons))
                .build();
    }

    /** The result of a video that could not be rendered or scored. */
    public static VideoResult failed(RenderedVideo video, String error, Instant at) {
        return base(video, at).setStatus(ResultStatus.FAILED).setError(error).build();
    }

    /**
     * The length the request asked for: the spec's own target, or the one narration replaced with
     * its speech's length ({@link RenderSpec#getRequestedDurationSeconds()}).
     */
    public static Double targetSeconds(RenderSpec spec) {
        if (spec == null) {
            return null;
        }
        return spec.getRequestedDurationSeconds() != null
                ? spec.getRequestedDurationSeconds()
                : spec.getTargetDurationSeconds();
    }

    /**
     * The result's fields from the video; its notes are the renderer's, which begin with the plan's
     * (narration's length among them).
     */
    private static VideoResult.Builder base(RenderedVideo video, Instant at) {
        return VideoResult.newBuilder()
                .setRequestId(video.getRequestId())
                .setRunId(video.getRunId())
                .setVideoUri(video.getVideoUri())
                .setThumbnailUri(video.getThumbnailUri())
                .setSubtitlesUri(video.getSubtitlesUri())
                .setWebVttUri(video.getWebVttUri())
                .setContactSheetUri(video.getContactSheetUri())
                .setDurationSeconds(video.getError() == null ? video.getDurationSeconds() : null)
                .setWidth(video.getError() == null ? video.getWidth() : null)
                .setHeight(video.getError() == null ? video.getHeight() : null)
                .setLanguage(video.getLanguage())
                .setSceneCount(video.getSceneCount())
                .setCredits(video.getCredits())
                .setTargetDurationSeconds(targetSeconds(video.getSpec()))
                .setNotes(video.getNotes())
                .setCompletedAt(at);
    }
}
