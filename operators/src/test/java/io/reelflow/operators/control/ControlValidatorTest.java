package io.reelflow.operators.control;

import static io.reelflow.operators.control.ControlFixtures.T0;
import static io.reelflow.operators.control.ControlFixtures.cancel;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.ControlAction;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.codec.ControlCommandCodec;
import org.junit.jupiter.api.Test;

/** Tests for {@link ControlValidator}. */
class ControlValidatorTest {

    @Test
    void shouldAcceptACancelAndCleanItsText() {
        ControlCommand command =
                ControlCommand.newBuilder(cancel("r1", null))
                        .setReason("wrong\u0000 text\u0007")
                        .setIssuedBy("   ")
                        .build();

        ControlValidator.Decision decision =
                ControlValidator.validate(
                        Fixtures.raw(ControlCommandCodec.toSingleObject(command), 0, 1), T0);

        assertThat(decision.refused()).isNull();
        assertThat(decision.command().getRequestId()).isEqualTo("r1");
        assertThat(decision.command().getReason()).isEqualTo("wrong text");
        assertThat(decision.command().getIssuedBy()).as("blank: nobody named").isNull();
    }

    @Test
    void shouldDeadLetterAMalformedRecordWithItsReason() {
        ControlValidator.Decision decision =
                ControlValidator.validate(Fixtures.raw("{not json", 0, 7), T0);

        assertThat(decision.command()).isNull();
        assertThat(decision.refused().getDeadLetter())
                .satisfies(
                        letter -> {
                            assertThat(letter.getStage()).isEqualTo("control");
                            assertThat(letter.getReason()).contains("malformed record");
                            assertThat(letter.getSourceOffset()).isEqualTo(7);
                        });
    }

    @Test
    void shouldDeadLetterAnActionItDoesNotKnowUnderTheRequestId() {
        ControlCommand unknown =
                ControlCommand.newBuilder(cancel("r1", null))
                        .setAction(ControlAction.UNKNOWN)
                        .build();

        ControlValidator.Decision decision =
                ControlValidator.validate(
                        Fixtures.raw(ControlCommandCodec.toJson(unknown), 0, 1), T0);

        assertThat(decision.refused().getRequestId()).isEqualTo("r1");
        assertThat(decision.refused().getDeadLetter().getReason())
                .contains("unknown control action UNKNOWN");
    }

    @Test
    void shouldDeadLetterAnInvalidRequestOrRunId() {
        assertThat(
                        ControlValidator.validate(
                                        Fixtures.raw(
                                                ControlCommandCodec.toJson(cancel("a b", null)),
                                                0,
                                                1),
                                        T0)
                                .refused()
                                .getDeadLetter()
                                .getReason())
                .contains("requestId");
        assertThat(
                        ControlValidator.validate(
                                        Fixtures.raw(
                                                ControlCommandCodec.toJson(cancel("r1", "x/y")),
                                                0,
                                                2),
                                        T0)
                                .refused()
                                .getDeadLetter()
                                .getReason())
                .contains("runId");
    }
}
