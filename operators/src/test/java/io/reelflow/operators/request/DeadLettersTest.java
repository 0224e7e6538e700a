package io.reelflow.operators.request;

import static io.reelflow.operators.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.codec.RecordJson;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tests for {@link DeadLetters}. */
class DeadLettersTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void shouldKeepAPrefixTheSizeAndTheHashOfAMegabyteValue() {
        byte[] payload = new byte[1_000_000];
        Arrays.fill(payload, (byte) 'x');
        Admission admission =
                new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID)
                        .validate(raw(payload, 0, 1), NOW);

        DeadLetter letter = DeadLetters.bounded(admission, 4_096, "s3://bucket/dead-letters/abc");

        assertThat(DeadLetters.needsStoring(admission, 4_096)).isTrue();
        assertThat(letter.getPayload().remaining()).isEqualTo(4_096);
        assertThat(letter.getPayloadSize()).isEqualTo(1_000_000L);
        assertThat(letter.getPayloadSha256())
                .isEqualTo(RequestValidator.sha256(payload))
                .hasSize(64);
        assertThat(letter.getPayloadUri()).isEqualTo("s3://bucket/dead-letters/abc");
        assertThat(RecordJson.toJson(letter).length).isLessThan(10_000);
        assertThat(DeadLetters.storageKey(admission))
                .isEqualTo("dead-letters/" + RequestValidator.sha256(payload));
    }

    @Test
    void shouldKeepASmallValueWhole() {
        Admission admission =
                new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID)
                        .validate(raw("{broken", 0, 1), NOW);

        DeadLetter letter = DeadLetters.bounded(admission, 4_096, null);

        assertThat(DeadLetters.needsStoring(admission, 4_096)).isFalse();
        assertThat(letter.getPayload().remaining()).isEqualTo(7);
        assertThat(letter.getPayloadSize()).isEqualTo(7L);
        assertThat(letter.getPayloadUri()).isNull();
    }
}
