package io.reelflow.operators.request;

import static io.reelflow.operators.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.BadInput;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Transition;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.codec.VideoRequestCodec;
import io.reelflow.schemas.text.CleanText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link RequestValidator}. */
class RequestValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private final RequestValidator validator =
            new RequestValidator(RequestRules.defaults().withMaxTextChars(100), Fixtures.RUN_ID);

    @Test
    void shouldAcceptMinimalJsonWithDefaults() {
        Admission outcome =
                validator.validate(
                        raw("{\"requestId\":\"r-1\",\"text\":\"Hello there.\"}", 0, 1), NOW);

        assertThat(outcome.getAccepted()).isNotNull();
        AcceptedRequest accepted = outcome.getAccepted();
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

        Admission outcome =
                validator.validate(raw(VideoRequestCodec.toSingleObject(request), 1, 2), NOW);

        assertThat(outcome.getAccepted()).isNotNull();
        assertThat(outcome.getAccepted().getSpec().getWidth()).isEqualTo(1080);
        assertThat(outcome.getAccepted().getSpec().getHeight()).isEqualTo(1920);
        assertThat(outcome.getAccepted().getSpec().getSubtitles()).isFalse();
    }

    @Test
    void shouldCarryTheCallbackUrlToTheSpecAndToARejection() {
        String hook = "https://hooks.example.com/reelflow?t=1";
        Admission accepted =
                validator.validate(
                        raw(
                                "{\"requestId\":\"r-h\",\"text\":\"Hi.\",\"callbackUrl\":\""
                                        + hook
                                        + "\"}",
                                0,
                                1),
                        NOW);
        Admission rejected =
                validator.validate(
                        raw(
                                "{\"requestId\":\"r-h2\",\"text\":\"Hi.\",\"fps\":29,"
                                        + "\"callbackUrl\":\""
                                        + hook
                                        + "\"}",
                                0,
                                2),
                        NOW);
        Admission tooLong =
                validator.validate(
                        raw(
                                "{\"requestId\":\"r-h3\",\"text\":\"Hi.\",\"callbackUrl\":\"https://h/"
                                        + "a".repeat(2_100)
                                        + "\"}",
                                0,
                                3),
                        NOW);

        assertThat(accepted.getAccepted().getSpec().getCallbackUrl()).isEqualTo(hook);
        assertThat(rejected.getDeadLetter()).isNotNull();
        assertThat(rejected.getCallbackUrl()).isEqualTo(hook);
        assertThat(tooLong.getDeadLetter().getReason()).contains("callbackUrl has");
        assertThat(tooLong.getCallbackUrl()).isNull();
    }

    @Test
    void shouldRouteMalformedBytesToDeadLetterWithOrigin() {
        DeadLetter letter = validator.validate(raw("{not json", 1, 42), NOW).getDeadLetter();

        assertThat(letter.getReason()).contains("neither Avro single-object encoding nor JSON");
        assertThat(letter.getStage()).isEqualTo("parse");
        assertThat(letter.getSourceTopic()).isEqualTo(Fixtures.TOPIC);
        assertThat(letter.getSourcePartition()).isEqualTo(1);
        assertThat(letter.getSourceOffset()).isEqualTo(42);
        assertThat(letter.getRequestId()).isEqualTo("key-42");
    }

    @Test
    void shouldRouteNullValueToDeadLetter() {
        DeadLetter letter = validator.validate(raw((byte[]) null, 0, 3), NOW).getDeadLetter();

        assertThat(letter.getReason()).contains("empty record value");
    }

    @Test
    void shouldRejectMissingText() {
        DeadLetter letter =
                validator.validate(raw("{\"requestId\":\"r-3\"}", 0, 4), NOW).getDeadLetter();

        assertThat(letter.getReason()).contains("text is required");
    }

    @Test
    void shouldRejectBlankTextAndKeepTheRequestId() {
        DeadLetter letter =
                validator
                        .validate(raw("{\"requestId\":\"r-4\",\"text\":\"  \\n \"}", 0, 5), NOW)
                        .getDeadLetter();

        assertThat(letter.getReason()).startsWith("text is empty");
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
                        .getDeadLetter();

        assertThat(letter.getReason()).contains("101 characters, over the limit of 100");
    }

    @Test
    void shouldRejectInvalidRequestIdUnderAValidKafkaKey() {
        Admission admission =
                validator.validate(raw("{\"requestId\":\"bad id/../\",\"text\":\"t\"}", 0, 7), NOW);

        assertThat(admission.getDeadLetter().getReason())
                .contains("must be 1-128 characters of [A-Za-z0-9._-]")
                .contains("answered under the record's Kafka key");
        assertThat(admission.getRequestId()).isEqualTo("key-7");
        assertThat(admission.getDeadLetter().getRequestId()).isEqualTo("key-7");
    }

    @Test
    void shouldLeaveTheIdEmptyWhenNeitherRequestIdNorKeyIsValid() {
        RawRequest raw = raw("{\"requestId\":\"" + "é".repeat(200) + "\",\"text\":\"t\"}", 0, 8);
        raw.setKey("not a valid key ✓");

        Admission admission = validator.validate(raw, NOW);

        assertThat(admission.getRequestId()).isNull();
        assertThat(admission.getDeadLetter().getRequestId()).isNull();
        assertThat(admission.getDeadLetter().getKey()).isEqualTo("not a valid key ✓");
        assertThat(admission.getDeadLetter().getReason()).hasSizeLessThan(200);
    }

    @Test
    void shouldPreferTheRequestsOwnIdOverTheKey() {
        Admission admission =
                validator.validate(raw("{\"requestId\":\"own\",\"text\":\"t\"}", 0, 9), NOW);

        assertThat(admission.getRequestId()).isEqualTo("own");
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
                        .getDeadLetter();
        DeadLetter duration =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-7\",\"text\":\"t\",\"targetDurationSeconds\":9999}",
                                        0,
                                        9),
                                NOW)
                        .getDeadLetter();

        assertThat(resolution.getReason()).contains("unsupported resolution '8k'");
        assertThat(duration.getReason()).contains("targetDurationSeconds must be between");
    }

    @Test
    void shouldTakeFrameRateTransitionAndMusicFromTheRequest() {
        Admission outcome =
                validator.validate(
                        raw(
                                "{\"requestId\":\"r-8\",\"text\":\"t\",\"fps\":30,"
                                        + "\"transition\":\"fade-black\",\"music\":false}",
                                0,
                                10),
                        NOW);

        RenderSpec spec = outcome.getAccepted().getSpec();
        assertThat(spec.getFps()).isEqualTo(30);
        assertThat(spec.getTransition()).isEqualTo(Transition.FADE_BLACK);
        assertThat(spec.getMusic()).isFalse();
    }

    @Test
    void shouldDefaultToCrossfadesAndMusic() {
        RenderSpec spec =
                validator
                        .validate(raw("{\"requestId\":\"r-9\",\"text\":\"t\"}", 0, 11), NOW)
                        .getAccepted()
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
                        .getDeadLetter();
        DeadLetter transition =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-11\",\"text\":\"t\",\"transition\":\"wipe\"}",
                                        0,
                                        13),
                                NOW)
                        .getDeadLetter();

        assertThat(fps.getReason()).contains("fps must be one of [24, 25, 30], got 29");
        assertThat(transition.getReason()).contains("unsupported transition 'wipe'");
    }

    @Test
    void shouldTakeTheQualityPresetFromTheRequestByItsCanonicalName() {
        RenderSpec asked =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-p\",\"text\":\"t\",\"qualityPreset\":\"Strict\"}",
                                        0,
                                        14),
                                NOW)
                        .getAccepted()
                        .getSpec();
        RenderSpec unasked =
                validator
                        .validate(raw("{\"requestId\":\"r-q\",\"text\":\"t\"}", 0, 15), NOW)
                        .getAccepted()
                        .getSpec();

        assertThat(asked.getQualityPreset()).isEqualTo("strict");
        assertThat(unasked.getQualityPreset()).isNull();
    }

    @Test
    void shouldRejectAnUnknownQualityPreset() {
        DeadLetter letter =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-p\",\"text\":\"t\",\"qualityPreset\":\"perfect\"}",
                                        0,
                                        16),
                                NOW)
                        .getDeadLetter();

        assertThat(letter.getReason())
                .isEqualTo(
                        "unsupported quality preset 'perfect' (use one of draft, standard,"
                                + " strict)");
    }

    @Test
    void shouldQuoteEchoedValuesWithoutZeroBytesOrMegabytes() {
        String huge = "\\u0000" + "x".repeat(1_000_000);
        RequestValidator roomy =
                new RequestValidator(
                        RequestRules.defaults()
                                .withLimits(RequestLimits.defaults().withMaxPayloadBytes(4 << 20)),
                        Fixtures.RUN_ID);
        for (String field :
                new String[] {"resolution", "aspectRatio", "transition", "qualityPreset"}) {
            DeadLetter letter =
                    roomy.validate(
                                    raw(
                                            "{\"requestId\":\"r-q\",\"text\":\"t\",\""
                                                    + field
                                                    + "\":\""
                                                    + huge
                                                    + "\"}",
                                            0,
                                            20),
                                    NOW)
                            .getDeadLetter();

            assertThat(letter.getReason()).doesNotContain("\u0000").contains("\\u0000");
            assertThat(letter.getReason()).hasSizeLessThan(300);
        }
    }

    @Test
    void shouldRejectOversizePayloadBeforeParsing() {
        byte[] payload = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(payload, (byte) '{');

        Admission admission = validator.validate(raw(payload, 0, 21), NOW);

        assertThat(admission.getDeadLetter().getReason())
                .isEqualTo("record value is 65537 bytes, over the limit of 65536 (not parsed)");
        assertThat(admission.getDeadLetter().getStage()).isEqualTo("parse");
        assertThat(admission.getRequestId()).isEqualTo("key-21");
    }

    @Test
    void shouldCleanTextBeforeThePipelineSeesIt() {
        Admission admission =
                validator.validate(
                        raw(
                                "{\"requestId\":\"r-c\",\"text\":\" A\\u0000 lighthouse.\\u0007 \"}",
                                0,
                                22),
                        NOW);

        assertThat(admission.getAccepted().getRequest().getText()).isEqualTo("A lighthouse.");
    }

    @Test
    void shouldRejectTextOfOnlyControlsAndInvisibleCharacters() {
        DeadLetter letter =
                validator
                        .validate(
                                raw(
                                        "{\"requestId\":\"r-e\",\"text\":\"\\u0001\\u0002 \\u200b\\ufeff\\t\"}",
                                        0,
                                        23),
                                NOW)
                        .getDeadLetter();

        assertThat(letter.getReason()).startsWith("text is empty once control characters");
    }

    @Test
    void shouldLengthenTheVideoSoSubtitlesCanBeRead() {
        RequestValidator roomy = new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID);
        String text = "word ".repeat(100); // 400 letters: 20 s at 20 characters/s

        Admission admission =
                roomy.validate(
                        raw(
                                "{\"requestId\":\"r-s\",\"text\":\""
                                        + text
                                        + "\",\"targetDurationSeconds\":8}",
                                0,
                                24),
                        NOW);

        assertThat(admission.getAccepted().getSpec().getTargetDurationSeconds()).isEqualTo(20.0);
        assertThat(admission.getNote())
                .contains("lengthened from 8 to 20")
                .contains("Netflix Timed Text Style Guides");
    }

    @Test
    void shouldRejectTextThatCannotBeReadWithinTheMaximumDuration() {
        RequestValidator roomy = new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID);
        String text = "x".repeat(20_000);

        Admission admission =
                roomy.validate(
                        raw(
                                "{\"requestId\":\"r-l\",\"text\":\""
                                        + text
                                        + "\",\"targetDurationSeconds\":8}",
                                0,
                                25),
                        NOW);

        assertThat(admission.getDeadLetter().getReason())
                .startsWith("text needs 1000 s of subtitles to be readable")
                .contains("over the maximum duration of 600 s");
    }

    @Test
    void shouldReadCjkSlowerThanLatinText() {
        assertThat(ReadingSpeed.secondsToRead("東京の夜"))
                .isGreaterThan(ReadingSpeed.secondsToRead("abcd"));
        assertThat(ReadingSpeed.secondsToRead("ab cd")).isEqualTo(0.2);
    }

    @Test
    void shouldAcceptLongTextWithoutSubtitles() {
        RequestValidator roomy = new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID);

        Admission admission =
                roomy.validate(
                        raw(
                                "{\"requestId\":\"r-n\",\"text\":\""
                                        + "x".repeat(20_000)
                                        + "\",\"targetDurationSeconds\":8,\"subtitles\":false}",
                                0,
                                26),
                        NOW);

        assertThat(admission.getAccepted().getSpec().getTargetDurationSeconds()).isEqualTo(8.0);
    }

    @Test
    void shouldHoldRequestsToTheWorkBudget() {
        RequestValidator roomy = new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID);

        Admission uhd =
                roomy.validate(
                        raw(
                                "{\"requestId\":\"r-4k\",\"text\":\"t\",\"targetDurationSeconds\":600,"
                                        + "\"resolution\":\"2160p\",\"fps\":30}",
                                0,
                                27),
                        NOW);
        Admission fullHd =
                roomy.validate(
                        raw(
                                "{\"requestId\":\"r-hd\",\"text\":\"t\",\"targetDurationSeconds\":60,"
                                        + "\"resolution\":\"1080p\",\"fps\":30}",
                                0,
                                28),
                        NOW);

        assertThat(uhd.getDeadLetter().getReason())
                .isEqualTo(
                        "work budget exceeded: 600 s x 3840x2160 x 30 fps = 149.3 G pixel-frames,"
                                + " over the limit of 60.0 G: ask for fewer seconds, a lower"
                                + " resolution or frame rate");
        assertThat(fullHd.getAccepted()).isNotNull();
    }

    @Test
    void shouldLimitAttributesAndStyle() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        many.append('}');
        RequestValidator roomy =
                new RequestValidator(
                        RequestRules.defaults()
                                .withLimits(RequestLimits.defaults().withMaxPayloadBytes(4 << 20)),
                        Fixtures.RUN_ID);

        String count =
                roomy.validate(
                                raw(
                                        "{\"requestId\":\"r-a\",\"text\":\"t\",\"attributes\":"
                                                + many
                                                + "}",
                                        0,
                                        29),
                                NOW)
                        .getDeadLetter()
                        .getReason();
        String value =
                roomy.validate(
                                raw(
                                        "{\"requestId\":\"r-v\",\"text\":\"t\",\"attributes\":{\"k\":\""
                                                + "v".repeat(1_025)
                                                + "\"}}",
                                        0,
                                        30),
                                NOW)
                        .getDeadLetter()
                        .getReason();
        String style =
                roomy.validate(
                                raw(
                                        "{\"requestId\":\"r-st\",\"text\":\"t\",\"style\":\""
                                                + "s".repeat(501)
                                                + "\"}",
                                        0,
                                        31),
                                NOW)
                        .getDeadLetter()
                        .getReason();

        assertThat(count).isEqualTo("attributes has 100000 entries, over the limit of 64");
        assertThat(value)
                .isEqualTo("attribute 'k' has a value of 1025 characters, over the limit of 1024");
        assertThat(style).isEqualTo("style has 501 characters, over the limit of 500");
    }

    /** The catalogue of hostile records: each is refused with its reason, never accepted. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.reelflow.operators.testing.BadInput#all")
    void shouldRefuseEveryBadInputWithItsReason(BadInput input) {
        RawRequest raw = raw(input.payload(), 3, 99);
        raw.setKey(input.key());

        Admission admission =
                new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID).validate(raw, NOW);

        assertThat(admission.getAccepted()).isNull();
        DeadLetter letter = admission.getDeadLetter();
        assertThat(letter.getReason()).contains(input.reason());
        assertThat(CleanText.forSink(letter.getReason(), 1_000)).isEqualTo(letter.getReason());
        assertThat(admission.getRequestId()).isEqualTo(input.expectedId());
        assertThat(letter.getRequestId()).isEqualTo(input.expectedId());
        assertThat(letter.getKey()).isEqualTo(input.key());
        DeadLetter bounded = DeadLetters.bounded(admission, 4_096, "s3://bucket/key");
        assertThat(RecordJson.toJson(bounded).length).isLessThan(16_384);
    }

    @Test
    void shouldHaveACatalogueOfAtLeastThirtyBadInputs() {
        assertThat(BadInput.all()).hasSizeGreaterThanOrEqualTo(30);
    }

    /** Sent together to one job, each case must be answered under an id of its own. */
    @Test
    void shouldGiveEveryCaseItsOwnIdWhenTheCatalogueIsSentTogether() {
        RequestValidator validator = new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID);
        List<BadInput> all = BadInput.all();
        List<String> answeredIds = new java.util.ArrayList<>();
        for (int n = 0; n < all.size(); n++) {
            BadInput input = all.get(n).distinct(n);
            RawRequest raw = raw(input.payload(), 3, 99);
            raw.setKey(input.key());
            Admission admission = validator.validate(raw, NOW);
            assertThat(admission.getDeadLetter().getReason())
                    .as(input.name())
                    .contains(input.reason());
            assertThat(admission.getRequestId()).as(input.name()).isEqualTo(input.expectedId());
            if (input.expectedId() != null) {
                answeredIds.add(input.expectedId());
            }
        }
        assertThat(answeredIds).doesNotHaveDuplicates().hasSizeGreaterThan(30);
    }
}
