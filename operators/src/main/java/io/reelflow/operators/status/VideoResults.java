package io.reelflow.operators.status;

import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How a rendered, scored video becomes the result users see. */
public final class VideoResults {

    /** Whole-video defects that make a video undeliverable ({@code PictureAnalyzer.Defect}). */
    static final Set<String> UNDELIVERABLE =
            Set.of("NOT_DECODABLE", "WRONG_CODEC", "WRONG_RESOLUTION");

    private VideoResults() {}

    /**
     * COMPLETED when every quality check passed and no fallback was used; FAILED when the video is
     * {@linkplain #undeliverable undeliverable}; otherwise DEGRADED, with the fallbacks' reasons
     * and the failed checks' reasons as its {@code error}.
     */
    public static VideoResult scored(RenderedVideo video, QualityReport quality, Instant at) {
        ResultStatus status;
        if (undeliverable(quality)) {
            status = ResultStatus.FAILED;
        } else if (!quality.getPassed() || video.getDegraded()) {
            status = ResultStatus.DEGRADED;
        } else {
            status = ResultStatus.COMPLETED;
        }
        String error =
                switch (status) {
                    case FAILED ->
                            "quality checks failed: " + String.join("; ", quality.getReasons());
                    case DEGRADED -> degradedError(video, quality);
                    default -> null;
                };
        return base(video, at).setStatus(status).setQuality(quality).setError(error).build();
    }

    /**
     * Whether the video cannot be delivered as asked: unreadable, or not the codec or size the
     * request was promised. Any other failed check (a blurred scene, fast subtitles, quiet sound)
     * leaves a video users can still watch: DEGRADED with the reasons, not FAILED.
     */
    static boolean undeliverable(QualityReport quality) {
        return !quality.getPassed()
                && (quality.getScenes().isEmpty() && quality.getDefects().isEmpty()
                        || quality.getDefects().stream().anyMatch(UNDELIVERABLE::contains));
    }

    private static String degradedError(RenderedVideo video, QualityReport quality) {
        List<String> reasons = new ArrayList<>(video.getDegradedReasons());
        if (!quality.getPassed()) {
            reasons.addAll(quality.getReasons());
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
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
     * CANCELLED: an operator cancelled the request before its video was uploaded; {@code error}
     * says who, when and why ({@link #cancelledBy}). The request's {@code spec} gives the callback
     * URL, so its webhook hears of the cancel as of any result.
     */
    public static VideoResult cancelled(
            String requestId, String runId, RenderSpec spec, ControlCommand command, Instant at) {
        return VideoResult.newBuilder()
                .setRequestId(requestId)
                .setRunId(runId)
                .setCallbackUrl(callbackUrl(spec))
                .setStatus(ResultStatus.CANCELLED)
                .setError(cancelledBy(command))
                .setCompletedAt(at)
                .build();
    }

    /** "cancelled by alice at 2026-12-06T01:00:00Z: wrong text" (who and why when given). */
    public static String cancelledBy(ControlCommand command) {
        StringBuilder text = new StringBuilder("cancelled");
        if (command.getIssuedBy() != null && !command.getIssuedBy().isBlank()) {
            text.append(" by ").append(command.getIssuedBy());
        }
        text.append(" at ").append(Instant.ofEpochMilli(command.getIssuedAtMillis()));
        if (command.getReason() != null && !command.getReason().isBlank()) {
            text.append(": ").append(command.getReason());
        }
        return text.toString();
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

    /** Where the request wants its result POSTed (the request's {@code callbackUrl}), or null. */
    public static String callbackUrl(RenderSpec spec) {
        return spec == null ? null : spec.getCallbackUrl();
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
                .setCallbackUrl(callbackUrl(video.getSpec()))
                .setCompletedAt(at);
    }
}
