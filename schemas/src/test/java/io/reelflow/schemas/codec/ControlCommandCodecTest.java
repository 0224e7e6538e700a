package io.reelflow.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.schemas.ControlAction;
import io.reelflow.schemas.ControlCommand;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link ControlCommandCodec}. */
class ControlCommandCodecTest {
    private static final ControlCommand CANCEL =
            ControlCommand.newBuilder()
                    .setRequestId("req-1")
                    .setRunId(null)
                    .setAction(ControlAction.CANCEL)
                    .setReason("wrong text")
                    .setIssuedAtMillis(1_700_000_000_000L)
                    .setIssuedBy("alice")
                    .build();

    @Test
    void shouldRoundTripAvroSingleObjectAndJson() throws Exception {
        assertThat(ControlCommandCodec.decode(ControlCommandCodec.toSingleObject(CANCEL)))
                .isEqualTo(CANCEL);
        assertThat(ControlCommandCodec.decode(ControlCommandCodec.toJson(CANCEL)))
                .isEqualTo(CANCEL);
    }

    @Test
    void shouldReadMinimalJsonAndIgnoreUnknownFields() throws Exception {
        ControlCommand command =
                ControlCommandCodec.decode(
                        utf8(
                                "{\"requestId\":\"r\",\"action\":\"CANCEL\","
                                        + "\"issuedAtMillis\":5,\"extra\":1}"));

        assertThat(command.getRequestId()).isEqualTo("r");
        assertThat(command.getRunId()).isNull();
        assertThat(command.getReason()).isNull();
    }

    @Test
    void shouldRefuseAnActionItDoesNotKnowInJson() {
        assertThatThrownBy(
                        () ->
                                ControlCommandCodec.decode(
                                        utf8(
                                                "{\"requestId\":\"r\",\"action\":\"PAUSE\","
                                                        + "\"issuedAtMillis\":5}")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("action must be one of");
    }

    @Test
    void shouldRefuseWhatIsNotAnObject() {
        assertThatThrownBy(() -> ControlCommandCodec.decode(utf8("[1]")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("a control command must be a JSON object");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
