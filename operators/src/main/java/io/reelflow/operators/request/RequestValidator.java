package io.reelflow.operators.request;

import io.reelflow.operators.quality.QualityConfig;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.InvalidRecordException;
import io.reelflow.schemas.codec.VideoRequestCodec;
import io.reelflow.schemas.text.CleanText;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a raw Kafka record into an {@link Admission}: an accepted request with cleaned text, or a
 * dead letter that says why not and where the record came from, under the request id it resolved to
 * (the request's own, else a valid Kafka key). Emits nothing itself: deduplication decides what is
 * said. Never throws: bad input must not stop the job.
 */
public final class RequestValidator {
    static final String STAGE_PARSE = "parse";
    static final String STAGE_VALIDATE = "validate";

    /** Reasons end up in a PostgreSQL column and a Kafka record: bounded. */
    static final int MAX_REASON_CHARS = DeadLetters.MAX_REASON_CHARS;

    /** Dead letters carry the Kafka key so id-less rejections can be found; keys can be huge. */
    static final int MAX_KEY_CHARS = DeadLetters.MAX_KEY_CHARS;

    static final int MAX_LANGUAGE_HINT_CHARS = 35;
    static final int MAX_CALLBACK_URL_CHARS = 2_048;
    private static final int QUOTED_CHARS = OutputFormat.QUOTED_CHARS;

    private final RequestRules rules;
    private final RequestLimits limits;
    private final String runId;

    public RequestValidator(RequestRules rules, String runId) {
        this.rules = rules;
        this.limits = rules.limits();
        this.runId = runId;
    }

    /** The admission of one record. */
    public Admission validate(RawRequest raw, Instant now) {
        byte[] payload = bytesOf(raw.getPayload());
        Admission.Builder admission = DeadLetters.admissionOf(raw, payload, now);
        String keyId = validId(raw.getKey());
        if (payload.length > limits.maxPayloadBytes()) {
            return reject(
                    admission,
                    payload,
                    keyId,
                    STAGE_PARSE,
                    "record value is "
                            + payload.length
                            + " bytes, over the limit of "
                            + limits.maxPayloadBytes()
                            + " (not parsed)",
                    now);
        }
        VideoRequest request;
        try {
            request = VideoRequestCodec.decode(payload);
        } catch (InvalidRecordException e) {
            return reject(admission, payload, keyId, STAGE_PARSE, e.getMessage(), now);
        } catch (RuntimeException | StackOverflowError e) {
            // A decoder bug must cost one record, not the job.
            return reject(
                    admission,
                    payload,
                    keyId,
                    STAGE_PARSE,
                    "undecodable record: "
                            + e.getClass().getSimpleName()
                            + " "
                            + CleanText.quoted(e.getMessage(), 200),
                    now);
        }
        // A rejection from here on is still answered at the request's callback URL.
        admission.setCallbackUrl(usableCallbackUrl(request));
        String id = validId(request.getRequestId());
        if (id == null) {
            return reject(
                    admission,
                    payload,
                    keyId,
                    STAGE_VALIDATE,
                    "requestId "
                            + CleanText.quoted(request.getRequestId(), QUOTED_CHARS)
                            + " must be 1-128 characters of [A-Za-z0-9._-]"
                            + (keyId == null ? "" : "; answered under the record's Kafka key"),
                    now);
        }
        String problem = problemWith(request);
        if (problem != null) {
            return reject(admission, payload, id, STAGE_VALIDATE, problem, now);
        }
        VideoRequest cleaned = cleaned(request);
        RenderSpec spec;
        try {
            spec = specOf(cleaned);
        } catch (IllegalArgumentException e) {
            return reject(admission, payload, id, STAGE_VALIDATE, e.getMessage(), now);
        }
        String note = null;
        if (spec.getSubtitles()) {
            double needed = ReadingSpeed.secondsToRead(cleaned.getText());
            if (needed > spec.getTargetDurationSeconds()) {
                double lengthened = Math.ceil(needed);
                if (lengthened > rules.maxDurationSeconds()) {
                    return reject(
                            admission,
                            payload,
                            id,
                            STAGE_VALIDATE,
                            String.format(
                                    Locale.ROOT,
                                    "text needs %.0f s of subtitles to be readable (%s), over the"
                                            + " maximum duration of %.0f s: shorten the text or"
                                            + " turn subtitles off",
                                    lengthened,
                                    ReadingSpeed.DESCRIPTION,
                                    rules.maxDurationSeconds()),
                            now);
                }
                note =
                        String.format(
                                Locale.ROOT,
                                "targetDurationSeconds lengthened from %s to %.0f so the subtitles"
                                        + " can be read (%s)",
                                seconds(spec.getTargetDurationSeconds()),
                                lengthened,
                                ReadingSpeed.DESCRIPTION);
                spec.setTargetDurationSeconds(lengthened);
            }
        }
        String overBudget = overWorkBudget(spec);
        if (overBudget != null) {
            return reject(admission, payload, id, STAGE_VALIDATE, overBudget, now);
        }
        return admission
                .setRequestId(id)
                .setNote(note)
                .setAccepted(
                        AcceptedRequest.newBuilder()
                                .setRunId(runId)
                                .setRequest(cleaned)
                                .setSpec(spec)
                                .setReceivedAt(now)
                                .build())
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }

    /**
     * The request's callback URL, when it is within its limit: a REJECTED result goes there too
     * (whether it may be called is the webhook stage's to decide).
     */
    private static String usableCallbackUrl(VideoRequest request) {
        String url = request.getCallbackUrl();
        return url != null && url.length() <= MAX_CALLBACK_URL_CHARS ? url : null;
    }

    /** {@code value} when it is a valid request id, else null. */
    static String validId(String value) {
        return value != null && RequestRules.REQUEST_ID.matcher(value).matches() ? value : null;
    }

    private String problemWith(VideoRequest request) {
        String text = request.getText();
        if (CleanText.isEmptyWhenCleaned(text)) {
            return "text is empty once control characters, white space and invisible characters"
                    + " are removed";
        }
        int textChars = CleanText.readable(text).length();
        if (textChars > rules.maxTextChars()) {
            return "text has "
                    + textChars
                    + " characters, over the limit of "
                    + rules.maxTextChars();
        }
        Double duration = request.getTargetDurationSeconds();
        if (duration != null
                && !(duration >= rules.minDurationSeconds()
                        && duration <= rules.maxDurationSeconds())) {
            return "targetDurationSeconds must be between "
                    + seconds(rules.minDurationSeconds())
                    + " and "
                    + seconds(rules.maxDurationSeconds())
                    + ", got "
                    + duration;
        }
        Integer fps = request.getFps();
        if (fps != null && !OutputFormat.FRAME_RATES.contains(fps)) {
            return "fps must be one of " + OutputFormat.FRAME_RATES + ", got " + fps;
        }
        String style = request.getStyle();
        if (style != null && CleanText.readable(style).length() > limits.maxStyleChars()) {
            return "style has "
                    + CleanText.readable(style).length()
                    + " characters, over the limit of "
                    + limits.maxStyleChars();
        }
        String hint = request.getLanguageHint();
        if (hint != null && hint.length() > MAX_LANGUAGE_HINT_CHARS) {
            return "languageHint "
                    + CleanText.quoted(hint, QUOTED_CHARS)
                    + " is longer than a language tag ("
                    + MAX_LANGUAGE_HINT_CHARS
                    + " characters)";
        }
        String callback = request.getCallbackUrl();
        if (callback != null && callback.length() > MAX_CALLBACK_URL_CHARS) {
            return "callbackUrl has "
                    + callback.length()
                    + " characters, over the limit of "
                    + MAX_CALLBACK_URL_CHARS;
        }
        return problemWithAttributes(request.getAttributes());
    }

    private String problemWithAttributes(Map<String, String> attributes) {
        if (attributes.size() > limits.maxAttributes()) {
            return "attributes has "
                    + attributes.size()
                    + " entries, over the limit of "
                    + limits.maxAttributes();
        }
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            if (entry.getKey().length() > limits.maxAttributeKeyChars()) {
                return "attribute key "
                        + CleanText.quoted(entry.getKey(), QUOTED_CHARS)
                        + " has "
                        + entry.getKey().length()
                        + " characters, over the limit of "
                        + limits.maxAttributeKeyChars();
            }
            if (entry.getValue().length() > limits.maxAttributeValueChars()) {
                return "attribute "
                        + CleanText.quoted(entry.getKey(), QUOTED_CHARS)
                        + " has a value of "
                        + entry.getValue().length()
                        + " characters, over the limit of "
                        + limits.maxAttributeValueChars();
            }
        }
        return null;
    }

    private String overWorkBudget(RenderSpec spec) {
        double work =
                spec.getTargetDurationSeconds()
                        * spec.getWidth()
                        * (double) spec.getHeight()
                        * spec.getFps();
        if (work <= limits.maxWorkPixelFrames()) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "work budget exceeded: %s s x %dx%d x %d fps = %.1f G pixel-frames, over the limit"
                        + " of %.1f G: ask for fewer seconds, a lower resolution or frame rate",
                seconds(spec.getTargetDurationSeconds()),
                spec.getWidth(),
                spec.getHeight(),
                spec.getFps(),
                work / 1e9,
                limits.maxWorkPixelFrames() / 1e9);
    }

    /** The request as the pipeline sees it: free text made readable. */
    private static VideoRequest cleaned(VideoRequest request) {
        return VideoRequest.newBuilder(request)
                .setText(CleanText.readable(request.getText()))
                .setStyle(
                        request.getStyle() == null ? null : CleanText.readable(request.getStyle()))
                .setLanguageHint(
                        request.getLanguageHint() == null
                                ? null
                                : CleanText.readable(request.getLanguageHint()))
                .build();
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
                .setNarration(Boolean.TRUE.equals(request.getNarration()))
                .setQualityPreset(qualityPreset(request.getQualityPreset()))
                .setCallbackUrl(request.getCallbackUrl())
                .build();
    }

    /** The preset's canonical name; unknown names fail with the names there are. */
    private static String qualityPreset(String name) {
        return name == null ? null : QualityConfig.preset(name).preset();
    }

    private static Admission reject(
            Admission.Builder admission,
            byte[] payload,
            String requestId,
            String stage,
            String reason,
            Instant now) {
        return DeadLetters.refused(admission, payload, requestId, stage, reason, now);
    }

    private static String seconds(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The bytes of {@code buffer} (empty for null), leaving the buffer as it was. */
    public static byte[] bytesOf(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
