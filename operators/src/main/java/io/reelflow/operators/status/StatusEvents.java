package io.reelflow.operators.status;

import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The progress events each stage reports, with the progress figure each phase stands for. */
public final class StatusEvents {
    /** Quality reasons a terminal status message names when the result has no error. */
    private static final int MAIN_REASONS = 3;

    private StatusEvents() {}

    public static StatusEvent received(AcceptedRequest request, Instant at) {
        return received(request, null, at);
    }

    /** RECEIVED, with what admission changed ({@code note}, may be null) in its message. */
    public static StatusEvent received(AcceptedRequest request, String note, Instant at) {
        return event(request.getRequest().getRequestId(), request.getRunId(), Phase.RECEIVED, 5, at)
                .setMessage(note == null ? "accepted" : "accepted; " + note)
                .build();
    }

    /**
     * The answer to a re-sent request id: progress 0, since it says nothing about the first
     * request's progress; the message points to the existing result.
     */
    public static StatusEvent duplicate(
            String requestId, String runId, String message, Instant at) {
        return event(requestId, runId, Phase.DUPLICATE, 0, at).setMessage(message).build();
    }

    /** Language and scene planning, reported as two phases so each has its own row. */
    public static List<StatusEvent> planned(ScenePlan plan, Instant at) {
        String warnings =
                plan.getWarnings().isEmpty()
                        ? ""
                        : "; warnings: " + String.join("; ", plan.getWarnings());
        StatusEvent language =
                event(plan.getRequestId(), plan.getRunId(), Phase.LANGUAGE_DETECTED, 15, at)
                        .setLanguage(plan.getLanguage())
                        .setLanguageConfidence(plan.getLanguageConfidence())
                        .setMessage(
                                String.format(
                                        "language %s (confidence %.2f)%s",
                                        plan.getLanguage(), plan.getLanguageConfidence(), warnings))
                        .build();
        StatusEvent scenes =
                event(plan.getRequestId(), plan.getRunId(), Phase.SCENES_PLANNED, 25, at)
                        .setLanguage(plan.getLanguage())
                        .setLanguageConfidence(plan.getLanguageConfidence())
                        .setSceneCount(plan.getScenes().size())
                        .setMessage(plan.getScenes().size() + " scenes" + warnings)
                        .build();
        return List.of(language, scenes);
    }

    public static StatusEvent clipsReady(RenderJob job, Instant at) {
        long generated =
                job.getClips().stream()
                        .filter(
                                c ->
                                        c.getSource() == ClipSource.GENERATED
                                                || c.getSource() == ClipSource.GENERATED_PHOTO)
                        .count();
        long fallbacks = job.getClips().stream().filter(c -> c.getDegraded()).count();
        return event(job.getRequestId(), job.getRunId(), Phase.CLIPS_READY, 60, at)
                .setLanguage(job.getLanguage())
                .setSceneCount(job.getClips().size())
                .setMessage(
                        String.format(
                                "%d scenes ready: %d generated, %d from the catalog or title cards, %d fallbacks",
                                job.getClips().size(),
                                generated,
                                job.getClips().size() - generated,
                                fallbacks))
                .build();
    }

    public static StatusEvent rendered(RenderedVideo video, Instant at) {
        String message =
                video.getError() != null
                        ? "rendering failed: " + video.getError()
                        : "rendered " + video.getVideoUri() + " (" + video.getCodec() + ")";
        return event(video.getRequestId(), video.getRunId(), Phase.RENDERED, 85, at)
                .setLanguage(video.getLanguage())
                .setSceneCount(video.getSceneCount())
                .setMessage(message)
                .build();
    }

    /**
     * The terminal phase of a result: COMPLETED, DEGRADED, FAILED, REJECTED or CANCELLED; a
     * DEGRADED one says why.
     */
    public static StatusEvent finished(VideoResult result) {
        Phase phase = Phase.valueOf(result.getStatus().name());
        QualityReport quality = result.getQuality();
        String message =
                result.getStatus() == ResultStatus.COMPLETED
                                || result.getStatus() == ResultStatus.DEGRADED
                        ? String.format(
                                "%s %s (%s)%s",
                                result.getStatus(),
                                result.getVideoUri(),
                                qualitySummary(quality),
                                result.getError() != null
                                        ? ": " + result.getError()
                                        : mainReasons(quality))
                        : result.getStatus()
                                + (quality == null ? "" : " (" + qualitySummary(quality) + ")")
                                + ": "
                                + result.getError();
        boolean finishedVideo =
                result.getStatus() == ResultStatus.COMPLETED
                        || result.getStatus() == ResultStatus.DEGRADED;
        return event(result.getRequestId(), result.getRunId(), phase, 100, result.getCompletedAt())
                // The earliest signal of a video: the status topic is written at once, the
                // result topic at the next checkpoint.
                .setVideoUri(finishedVideo ? result.getVideoUri() : null)
                .setLanguage(result.getLanguage())
                .setSceneCount(result.getSceneCount())
                .setCredits(result.getCredits())
                .setMessage(message)
                .build();
    }

    /**
     * The answer to a CANCEL that came after the request finished: its terminal event again, same
     * phase and time (so {@code video_status} keeps its timeline), with the message saying the
     * cancel changed nothing.
     */
    public static StatusEvent cancelIgnored(StatusEvent finished, ControlCommand command) {
        return StatusEvent.newBuilder(finished)
                .setMessage(
                        finished.getMessage()
                                + " [not "
                                + VideoResults.cancelledBy(command)
                                + ": the request had already finished "
                                + finished.getPhase()
                                + "]")
                .build();
    }

    /** "quality 92, repaired scene 2": the score, and which scenes a repair replaced. */
    private static String qualitySummary(QualityReport quality) {
        if (quality == null) {
            return "quality 0";
        }
        String summary = String.format(Locale.ROOT, "quality %.0f", quality.getScore());
        List<Integer> repaired = quality.getRepairedScenes();
        if (repaired.isEmpty()) {
            return summary;
        }
        return summary
                + (repaired.size() == 1 ? ", repaired scene " : ", repaired scenes ")
                + repaired.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * The first reasons of a report without an error (e.g. what a repair replaced), after ": ";
     * empty when there are none.
     */
    private static String mainReasons(QualityReport quality) {
        if (quality == null || quality.getReasons().isEmpty()) {
            return "";
        }
        List<String> reasons = quality.getReasons();
        String main = String.join("; ", reasons.subList(0, Math.min(MAIN_REASONS, reasons.size())));
        return ": " + main + (reasons.size() > MAIN_REASONS ? "; …" : "");
    }

    /**
     * A rejected request's result, when its id could be read (else only the dead letter remains);
     * {@code callbackUrl} is the request's, when it could be read, so the rejection is delivered.
     */
    public static VideoResult rejected(DeadLetter letter, String runId, String callbackUrl) {
        return VideoResult.newBuilder()
                .setRequestId(letter.getRequestId())
                .setRunId(runId)
                .setStatus(ResultStatus.REJECTED)
                .setError(letter.getReason())
                .setCompletedAt(letter.getAt())
                .setCallbackUrl(callbackUrl)
                .build();
    }

    private static StatusEvent.Builder event(
            String requestId, String runId, Phase phase, int progress, Instant at) {
        return StatusEvent.newBuilder()
                .setRequestId(requestId)
                .setRunId(runId)
                .setPhase(phase)
                .setProgress(progress)
                .setAt(at);
    }
}
