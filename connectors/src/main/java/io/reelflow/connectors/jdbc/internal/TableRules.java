package io.reelflow.connectors.jdbc.internal;

import io.reelflow.schemas.Credit;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.SceneQuality;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.text.CleanText;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * What {@code video_results} and {@code video_status} accept, checked before a row is written (the
 * bounds of {@code schema.sql}: NOT NULL, text lengths, number ranges, timestamps PostgreSQL and
 * ISO 8601 can hold). Text is cleaned and cut to its column's bound; a row whose key, time or
 * numbers are out of bounds cannot be repaired without changing its meaning and is refused with the
 * reason, for the dead-letter topic.
 */
public final class TableRules {
    public static final String VIDEO_RESULTS = "video_results";
    public static final String VIDEO_STATUS = "video_status";

    public static final int MAX_ID_CHARS = 128;
    public static final int MAX_URI_CHARS = 2048;
    public static final int MAX_LANGUAGE_CHARS = 64;
    public static final int MAX_MESSAGE_CHARS = 4000;
    public static final int MAX_REASON_CHARS = 1000;
    public static final int MAX_REASONS = 50;
    public static final int MAX_CREDIT_TEXT_CHARS = 1000;
    public static final int MAX_CODEC_CHARS = 64;
    public static final double MAX_DURATION_SECONDS = 86_400;
    public static final int MAX_DIMENSION = 16_384;
    public static final int MAX_SCENES = 10_000;
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** A dead letter's payload is the refused record's JSON, cut to this many bytes. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    /**
     * Stands for "not read from a topic" in a dead letter of a sink (see the connectors README).
     */
    public static final String NO_TOPIC = "";

    public static final int NO_PARTITION = -1;
    public static final long NO_OFFSET = -1;

    static {
        AvroClassTrust.install();
    }

    private TableRules() {}

    /**
     * The cleaned record to write, or why the table would refuse it.
     *
     * @param record the cleaned copy; null when refused
     * @param reason null when accepted
     */
    public record Verdict<T>(T record, String reason) implements Serializable {
        public boolean accepted() {
            return reason == null;
        }
    }

    /** Checks and cleans a result for {@code video_results}; the input is left unchanged. */
    public static Verdict<VideoResult> videoResult(VideoResult result) {
        Problems problems = new Problems();
        problems.key("request_id", result.getRequestId());
        problems.key("run_id", result.getRunId());
        problems.notNull("status", result.getStatus());
        problems.time("completed_at", result.getCompletedAt());
        problems.range("duration_seconds", result.getDurationSeconds(), 0, MAX_DURATION_SECONDS);
        problems.range(
                "target_duration_seconds",
                result.getTargetDurationSeconds(),
                0,
                MAX_DURATION_SECONDS);
        problems.range("width", result.getWidth(), 0, MAX_DIMENSION);
        problems.range("height", result.getHeight(), 0, MAX_DIMENSION);
        problems.range("scene_count", result.getSceneCount(), 0, MAX_SCENES);
        if (result.getQuality() != null) {
            problems.range("quality_score", result.getQuality().getScore(), 0, 100);
        }
        if (problems.any()) {
            return new Verdict<>(null, problems.reason(VIDEO_RESULTS));
        }
        VideoResult clean = copyOf(result);
        clean.setVideoUri(CleanText.forSink(result.getVideoUri(), MAX_URI_CHARS));
        clean.setThumbnailUri(CleanText.forSink(result.getThumbnailUri(), MAX_URI_CHARS));
        clean.setSubtitlesUri(CleanText.forSink(result.getSubtitlesUri(), MAX_URI_CHARS));
        clean.setWebVttUri(CleanText.forSink(result.getWebVttUri(), MAX_URI_CHARS));
        clean.setContactSheetUri(CleanText.forSink(result.getContactSheetUri(), MAX_URI_CHARS));
        clean.setLanguage(CleanText.forSink(result.getLanguage(), MAX_LANGUAGE_CHARS));
        clean.setError(CleanText.forSink(result.getError(), MAX_MESSAGE_CHARS));
        clean.setCredits(cleanCredits(clean.getCredits()));
        clean.setNotes(cleanTexts(clean.getNotes(), "notes"));
        QualityReport quality = clean.getQuality();
        if (quality != null) {
            quality.setReasons(cleanTexts(quality.getReasons(), "reasons"));
            quality.setCodec(CleanText.forSink(quality.getCodec(), MAX_CODEC_CHARS));
            quality.setPreset(CleanText.forSink(quality.getPreset(), MAX_CODEC_CHARS));
            quality.setSignals(finiteSignals(quality.getSignals()));
            for (SceneQuality scene : quality.getScenes()) {
                scene.setReasons(cleanTexts(scene.getReasons(), "reasons"));
                scene.setDefects(cleanTexts(scene.getDefects(), "defects"));
                scene.setSignals(finiteSignals(scene.getSignals()));
            }
        }
        return new Verdict<>(clean, null);
    }

    /** Checks and cleans a status event for {@code video_status}; the input is left unchanged. */
    public static Verdict<StatusEvent> videoStatus(StatusEvent event) {
        Problems problems = new Problems();
        problems.key("request_id", event.getRequestId());
        problems.key("run_id", event.getRunId());
        problems.notNull("phase", event.getPhase());
        problems.notNull("progress", event.getProgress());
        problems.range("progress", event.getProgress(), 0, 100);
        problems.time("at", event.getAt());
        problems.range("language_confidence", event.getLanguageConfidence(), 0, 1);
        problems.range("scene_count", event.getSceneCount(), 0, MAX_SCENES);
        if (problems.any()) {
            return new Verdict<>(null, problems.reason(VIDEO_STATUS));
        }
        StatusEvent clean = copyOf(event);
        clean.setMessage(CleanText.forSink(event.getMessage(), MAX_MESSAGE_CHARS));
        clean.setLanguage(CleanText.forSink(event.getLanguage(), MAX_LANGUAGE_CHARS));
        clean.setCredits(cleanCredits(clean.getCredits()));
        return new Verdict<>(clean, null);
    }

    /**
     * A dead letter for a record {@code table} would refuse: stage {@code sink:<table>}, no source
     * topic, partition or offset ({@link #NO_TOPIC}, -1, -1: it was made by the job, not read), the
     * record's JSON as payload, cut to {@link #MAX_PAYLOAD_BYTES}.
     */
    public static DeadLetter deadLetter(
            String table, String requestId, SpecificRecord record, String reason, Instant at) {
        byte[] json = RecordJson.toJson(record);
        String cut = "";
        if (json.length > MAX_PAYLOAD_BYTES) {
            cut = " (payload cut to " + MAX_PAYLOAD_BYTES + " of " + json.length + " bytes)";
            json = Arrays.copyOf(json, MAX_PAYLOAD_BYTES);
        }
        String id = CleanText.forSink(requestId, MAX_ID_CHARS);
        return DeadLetter.newBuilder()
                .setReason(reason + cut)
                .setStage("sink:" + table)
                .setRequestId(id)
                .setSourceTopic(NO_TOPIC)
                .setSourcePartition(NO_PARTITION)
                .setSourceOffset(NO_OFFSET)
                .setKey(id)
                .setPayload(java.nio.ByteBuffer.wrap(json))
                .setAt(at)
                .build();
    }

    private static List<Credit> cleanCredits(List<Credit> credits) {
        if (credits == null) {
            return new ArrayList<>();
        }
        List<Credit> clean = new ArrayList<>(credits.size());
        for (Credit credit : credits) {
            if (credit == null) {
                continue;
            }
            credit.setAssetId(CleanText.forSink(credit.getAssetId(), MAX_ID_CHARS * 2));
            credit.setUri(CleanText.forSink(credit.getUri(), MAX_URI_CHARS));
            credit.setTitle(CleanText.forSink(credit.getTitle(), MAX_CREDIT_TEXT_CHARS));
            credit.setAuthor(CleanText.forSink(credit.getAuthor(), MAX_CREDIT_TEXT_CHARS));
            credit.setLicence(CleanText.forSink(credit.getLicence(), MAX_CREDIT_TEXT_CHARS));
            credit.setSourceUrl(CleanText.forSink(credit.getSourceUrl(), MAX_URI_CHARS));
            clean.add(credit);
        }
        return clean;
    }

    /**
     * The signals whose values JSON can hold as numbers ({@code quality_breakdown} is jsonb): an
     * unmeasurable NaN or infinity is left out rather than written as a string.
     */
    private static Map<String, Double> finiteSignals(Map<String, Double> signals) {
        Map<String, Double> finite = new TreeMap<>();
        if (signals != null) {
            signals.forEach(
                    (name, value) -> {
                        if (name != null && value != null && Double.isFinite(value)) {
                            finite.put(CleanText.forSink(name, MAX_CODEC_CHARS), value);
                        }
                    });
        }
        return finite;
    }

    /** Quality reasons or notes: at most {@link #MAX_REASONS}, each cleaned and cut. */
    private static List<String> cleanTexts(List<String> texts, String what) {
        List<String> clean = new ArrayList<>();
        if (texts == null) {
            return clean;
        }
        for (String text : texts) {
            if (clean.size() == MAX_REASONS) {
                clean.set(
                        MAX_REASONS - 1,
                        "… and " + (texts.size() - MAX_REASONS + 1) + " more " + what);
                break;
            }
            clean.add(CleanText.forSink(text == null ? "" : text, MAX_REASON_CHARS));
        }
        return clean;
    }

    /** A deep copy, so cleaning never changes a record another operator still holds. */
    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T copyOf(T record) {
        return (T) SpecificData.get().deepCopy(record.getSchema(), record);
    }

    /** The problems found in one record, in column order. */
    private static final class Problems {
        private final List<String> found = new ArrayList<>();

        boolean any() {
            return !found.isEmpty();
        }

        String reason(String table) {
            return table + " would refuse this row: " + String.join("; ", found);
        }

        /** Key columns are never cut or cleaned: that would write another request's row. */
        void key(String column, String value) {
            if (value == null) {
                found.add(column + " is missing");
            } else if (value.isEmpty()) {
                found.add(column + " is empty");
            } else if (value.length() > MAX_ID_CHARS) {
                found.add(
                        column
                                + " has "
                                + value.length()
                                + " characters, more than "
                                + MAX_ID_CHARS
                                + ": "
                                + CleanText.quoted(value, 40));
            } else if (!CleanText.forSink(value, MAX_ID_CHARS).equals(value)) {
                found.add(
                        column
                                + " holds control characters or broken surrogates: "
                                + CleanText.quoted(value, 40));
            }
        }

        void notNull(String column, Object value) {
            if (value == null) {
                found.add(column + " is missing");
            }
        }

        void time(String column, Instant value) {
            if (value == null) {
                found.add(column + " is missing");
            } else if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
                found.add(column + " " + value + " is outside " + EARLIEST + " .. " + LATEST);
            }
        }

        void range(String column, Number value, double min, double max) {
            // Written so that NaN is out of range too.
            if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
                found.add(column + " " + value + " is outside " + plain(min) + " .. " + plain(max));
            }
        }

        private static String plain(double bound) {
            return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
        }
    }
}
