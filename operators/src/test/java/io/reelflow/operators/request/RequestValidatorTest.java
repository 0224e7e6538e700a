package io.reelflow.operators.request;

import static io.reelflow.operators.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Transition;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link RequestValidator}. */
class RequestValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private final RequestValidator validator =
            new RequestValidator(RequestRules.defaults().withMaxTextChars(100), Fixtures.RUN_ID);

    @Test
    void shouldAcceptMinimalJsonWithDefaults() {
        RequestValidator.Outcome outcome =
                validator.validate(
                        raw("{\"requestId\":\"r-1\",\"text\":\"Hello there.\"}", 0, 1), NOW);

        assertThat(outcome.isAccepted()).isTrue();
        AcceptedRequest accepted = outcome.accepted();
        assertThat(accepted.getRunId()).isEqualTo(Fixtures.RUN_ID);
        assertThat(accepted.getSpec().getWidth()).isEqualTo(1280);
        assertThat(accepted.getSpec().getHeight()).isEqualTo(720);
        assertThat(accepted.getSpec().getTargetDurationSeconds()).isEqualTo(15.0);
        assertThat(accepted.getSpec().getSubtitles()).isTrue();
        assertThat(accepted.getReceivedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldAcceptAvroSingleObjectWithOptions() {
        VideoRequest request =
                VideoRequest.newBuilder()
                        .setRequestId("r.2")
                        .setText("Ein Satz.")
                        .setAspectRatio("9:16")
                        .setResolution("1080p")
                        .setTargetDurationSeconds(8.0)
                        .setSubtitles(false)
                        .setAttributes(Map.of())
                        .build();

        RequestValidator.Outcome outcome =
                validator.validate(raw(VideoRequestCodec.toSingleObject(request), 1, 2), NOW);

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(outcome.accepted().getSpec().getWidth()).isEqualTo(1080);
        assertThat(outcome.accepted().getSpec().getHeight()).isEqualTo(1920);
        assertThat(outcome.accepted().getSpec().getSubtitles()).isFalse();
    }

    @Test
    void shouldRouteMalformedBytesToDeadLetterWithOrigin() {
        DeadLetter letter = validator.validate(raw("{not json", 1, 42), NOW).deadLetter();

        assertThat(letter.getReason()).contains("neither Avro single-object encoding nor JSON");
        assertThat(letter.getStage()).isEqualTo("parse");
        assertThat(letter.getSourceTopic()).isEqualTo(Fixtures.TOPIC);
        assertThat(letter.getSourcePartition()).isEqualTo(1);
        assertThat(letter.getSourceOffset()).isEqualTo(42);
        assertThat(letter.getPayload()).isNotNull();
        assertThat(letter.getRequestId()).isNull();
    }

    @Test
    void shouldRouteNullValueToDeadLetter() {
        DeadLetter letter = validator.validate(raw((byte[]) null, 0, 3), NOW).deadLetter();

        assertThat(letter.getReason()).contains("empty record value");
    }

    @Test
    void shouldRejectMissingText() {
        DeadLetter letter =
                validator.validate(raw("{\"requestId\":\"r-3\"}", 0, 4), NOW).deadLetter();

        assertThat(letter.getReason()).contains("text is required");
    }

    @Test
    void shouldRejectBlankTextAndKeepTheRequestId() {
        DeadLetter letter =
                validator
                        .validate(raw("{\"requestId\":\"r-4\",\"text\":\"  \\n \"}", 0, 5), NOW)
                        .deadLetter();

        assertThat(letter.getReason()).isEqualTo("text is empty");
        assertThat(letter.getStage()).isEqualTo("validate");
        assertThat(letter.getRequestId()).isEqualTo("r-4");
    }

    @Test
    void shouldRejectTextOverTheLimit() {
        String text = "x".repeat(101);
        DeadLetter letter =
                validator
                        .validate(
                                raw("{\"requestId\":\"r-5\",\"text\":\"" + text + "\"}", 0, 6), NOW)
                        .deadLetter();

        assertThat(letter.getReason()).contains("101 characters, over the limit of 100");
    }

    @Test
    void shouldRejectInvalidRequestIdWithoutEchoingIt() {
        DeadLetter letter =
                validator
                        .validate(raw("{\"requestId\":\"bad id/../\",\"text\":\"t\"}", 0, 7), NOW)
                        .deadLetter();

        assertThat(letter.getReason()).contains("requestId must be 1-128 characters");
        assertThat(letter.getRequestId()).isNull();
    }

    @Test
    void shouldRejectUnsupportedResolutionAndDuration() {
        DeadLetter resolution =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-6\",\"text\":\"t\",\"resolution\":\"8k\"}",
                                        0,
                                        8),
                                NOW)
                        .deadLetter();
        DeadLetter duration =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-7\",\"text\":\"t\",\"targetDurationSeconds\":9999}",
                                        0,
                                        9),
                                NOW)
                        .deadLetter();

        assertThat(resolution.getReason()).contains("unsupported resolution '8k'");
        assertThat(duration.getReason()).contains("targetDurationSeconds must be between");
    }

    @Test
    void shouldTakeFrameRateTransitionAndMusicFromTheRequest() {
        RequestValidator.Outcome outcome =
                validator.validate(
                        raw(
                                "{\"requestId\":\"r-8\",\"text\":\"t\",\"fps\":30,"
                                        + "\"transition\":\"fade-black\",\"music\":false}",
                                0,
                                10),
                        NOW);

        RenderSpec spec = outcome.accepted().getSpec();
        assertThat(spec.getFps()).isEqualTo(30);
        assertThat(spec.getTransition()).isEqualTo(Transition.FADE_BLACK);
        assertThat(spec.getMusic()).isFalse();
    }

    @Test
    void shouldDefaultToCrossfadesAndMusic() {
        RenderSpec spec =
                validator
                        .validate(raw("{\"requestId\":\"r-9\",\"text\":\"t\"}", 0, 11), NOW)
                        .accepted()
                        .getSpec();

        assertThat(spec.getFps()).isEqualTo(25);
        assertThat(spec.getTransition()).isEqualTo(Transition.CROSSFADE);
        assertThat(spec.getMusic()).isTrue();
    }

    @Test
    void shouldRejectUnsupportedFrameRateAndTransition() {
        DeadLetter fps =
                validator
                        .validate(
                                raw("{\"requestId\":\"r-10\",\"text\":\"t\",\"fps\":29}", 0, 12),
                                NOW)
                        .deadLetter();
        DeadLetter transition =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-11\",\"text\":\"t\",\"transition\":\"wipe\"}",
                                        0,
                                        13),
                                NOW)
                        .deadLetter();

        assertThat(fps.getReason()).contains("fps must be one of [24, 25, 30], got 29");
        assertThat(transition.getReason()).contains("unsupported transition 'wipe'");
    }
}
