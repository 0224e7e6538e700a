package io.reelflow.operators.request.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.reelflow.operators.request.DeadLetters;
import io.reelflow.operators.request.RequestRules;
import io.reelflow.operators.request.RequestValidator;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.text.CleanText;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Tests for {@link RequestValidator} by coverage-guided fuzzing (the {@code fuzz} profile; see the
 * operators README): any record value is admitted or refused without throwing, and what comes out
 * stays within the limits.
 */
class RequestValidatorFuzzTest {
    private static final RequestRules RULES = RequestRules.defaults();
    private static final RequestValidator VALIDATOR = new RequestValidator(RULES, "fuzz");
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    @FuzzTest(maxDuration = "10m")
    void shouldAdmitOrRefuseAnyRecordWithinBounds(FuzzedDataProvider data) {
        String key =
                data.consumeBoolean() ? "key-1" : data.consumeBoolean() ? null : "b\u00e4d key";
        byte[] payload = data.consumeRemainingAsBytes();
        RawRequest raw =
                RawRequest.newBuilder()
                        .setTopic("reelflow.requests")
                        .setPartition(0)
                        .setOffset(1)
                        .setTimestamp(0)
                        .setKey(key)
                        .setPayload(ByteBuffer.wrap(payload))
                        .build();

        Admission admission = VALIDATOR.validate(raw, NOW);

        assertThat(admission.getAccepted() == null).isNotEqualTo(admission.getDeadLetter() == null);
        if (admission.getRequestId() != null) {
            assertThat(admission.getRequestId()).matches(RequestRules.REQUEST_ID);
        }
        if (admission.getDeadLetter() != null) {
            DeadLetter letter =
                    DeadLetters.bounded(
                            admission, RULES.limits().deadLetterPrefixBytes(), "s3://b/k");
            assertThat(letter.getReason()).isNotEmpty().hasSizeLessThanOrEqualTo(1_000);
            assertThat(CleanText.forSink(letter.getReason(), 1_000)).isEqualTo(letter.getReason());
            assertThat(RecordJson.toJson(letter).length).isLessThan(1_000_000);
        } else {
            String text = admission.getAccepted().getRequest().getText();
            assertThat(CleanText.isEmptyWhenCleaned(text)).isFalse();
            assertThat(CleanText.readable(text)).isEqualTo(text);
            RenderSpec spec = admission.getAccepted().getSpec();
            assertThat(spec.getTargetDurationSeconds())
                    .isBetween(RULES.minDurationSeconds(), RULES.maxDurationSeconds());
            assertThat(
                            spec.getTargetDurationSeconds()
                                    * spec.getWidth()
                                    * (double) spec.getHeight()
                                    * spec.getFps())
                    .isLessThanOrEqualTo(RULES.limits().maxWorkPixelFrames());
        }
    }
}
