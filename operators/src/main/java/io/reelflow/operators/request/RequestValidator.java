package io.reelflow.operators.request;

import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.InvalidRecordException;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Turns a raw Kafka record into an accepted request, or into a dead letter that says why not and
 * where the record came from. Never throws: bad input must not stop the job.
 */
public final class RequestValidator {
    static final String STAGE_PARSE = "parse";
    static final String STAGE_VALIDATE = "validate";

    private final RequestRules rules;
    private final String runId;

    public RequestValidator(RequestRules rules, String runId) {
        this.rules = rules;
        this.runId = runId;
    }

    /** The outcome for one record. */
    public Outcome validate(RawRequest raw, Instant now) {
        byte[] payload = bytesOf(raw.getPayload());
        VideoRequest request;
        try {
            request = VideoRequestCodec.decode(payload);
        } catch (InvalidRecordException e) {
            return reject(raw, null, STAGE_PARSE, e.getMessage(), now);
        } catch (RuntimeException e) {
            return reject(raw, null, STAGE_PARSE, "undecodable record: " + e, now);
        }
        String problem = problemWith(request);
        if (problem != null) {
            String knownId =
                    RequestRules.REQUEST_ID.matcher(request.getRequestId()).matches()
                            ? request.getRequestId()
                            : null;
            return reject(raw, knownId, STAGE_VALIDATE, problem, now);
        }
        RenderSpec spec;
        try {
            spec = specOf(request);
        } catch (IllegalArgumentException e) {
            return reject(raw, request.getRequestId(), STAGE_VALIDATE, e.getMessage(), now);
        }
        return Outcome.accepted(
                AcceptedRequest.newBuilder()
                        .setRunId(runId)
                        .setRequest(request)
                        .setSpec(spec)
                        .setReceivedAt(now)
                        .build());
    }

    private String problemWith(VideoRequest request) {
        if (!RequestRules.REQUEST_ID.matcher(request.getRequestId()).matches()) {
            return "requestId must be 1-128 characters of [A-Za-z0-9._-]";
        }
        String text = request.getText();
        if (text.isBlank()) {
            return "text is empty";
        }
        if (text.length() > rules.maxTextChars()) {
            return "text has "
                    + text.length()
                    + " characters, over the limit of "
                    + rules.maxTextChars();
        }
        Double duration = request.getTargetDurationSeconds();
        if (duration != null
                && !(duration >= rules.minDurationSeconds()
                        && duration <= rules.maxDurationSeconds())) {
            return "targetDurationSeconds must be between "
                    + rules.minDurationSeconds()
                    + " and "
                    + rules.maxDurationSeconds()
                    + ", got "
                    + duration;
        }
        Integer fps = request.getFps();
        if (fps != null && !OutputFormat.FRAME_RATES.contains(fps)) {
            return "fps must be one of " + OutputFormat.FRAME_RATES + ", got " + fps;
        }
        return null;
    }

    private RenderSpec specOf(VideoRequest request) {
        String resolution =
                request.getResolution() == null
                        ? rules.defaultResolution()
                        : request.getResolution();
        String aspect =
                request.getAspectRatio() == null
                        ? rules.defaultAspectRatio()
                        : request.getAspectRatio();
        int[] size = OutputFormat.resolve(resolution, aspect);
        return RenderSpec.newBuilder()
                .setWidth(size[0])
                .setHeight(size[1])
                .setFps(request.getFps() == null ? rules.fps() : request.getFps())
                .setTargetDurationSeconds(
                        request.getTargetDurationSeconds() == null
                                ? rules.defaultDurationSeconds()
                                : request.getTargetDurationSeconds())
                .setSubtitles(
                        request.getSubtitles() == null
                                ? rules.defaultSubtitles()
                                : request.getSubtitles())
                .setStyle(request.getStyle())
                .setTransition(OutputFormat.transition(request.getTransition()))
                .setMusic(request.getMusic() == null || request.getMusic())
                .build();
    }

    private static Outcome reject(
            RawRequest raw, String requestId, String stage, String reason, Instant now) {
        return Outcome.rejected(
                DeadLetter.newBuilder()
                        .setReason(reason)
                        .setStage(stage)
                        .setRequestId(requestId)
                        .setSourceTopic(raw.getTopic())
                        .setSourcePartition(raw.getPartition())
                        .setSourceOffset(raw.getOffset())
                        .setKey(raw.getKey())
                        .setPayload(raw.getPayload())
                        .setAt(now)
                        .build());
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /** Exactly one of {@link #accepted()} and {@link #deadLetter()} is set. */
    public record Outcome(AcceptedRequest accepted, DeadLetter deadLetter) {
        static Outcome accepted(AcceptedRequest request) {
            return new Outcome(request, null);
        }

        static Outcome rejected(DeadLetter letter) {
            return new Outcome(null, letter);
        }

        public boolean isAccepted() {
            return accepted != null;
        }
    }
}
