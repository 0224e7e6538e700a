package io.reelflow.operators.control;

import io.reelflow.operators.request.DeadLetters;
import io.reelflow.operators.request.RequestRules;
import io.reelflow.operators.request.RequestValidator;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.ControlAction;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.codec.ControlCommandCodec;
import io.reelflow.schemas.codec.InvalidRecordException;
import io.reelflow.schemas.text.CleanText;
import java.time.Instant;

/**
 * Turns a record of the control topic into a {@link ControlCommand} with cleaned text, or into a
 * refusal that becomes a dead letter (stage {@value #STAGE}). Never throws: a malformed command
 * must not stop the job.
 */
public final class ControlValidator {
    static final String STAGE = "control";

    /** A command is a few fields: anything larger is not one. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    static final int MAX_REASON_CHARS = 1_000;
    static final int MAX_ISSUER_CHARS = 200;

    private ControlValidator() {}

    /** A command, or the refusal of the record. */
    public record Decision(ControlCommand command, Admission refused) {}

    public static Decision validate(RawRequest raw, Instant now) {
        int size = raw.getPayload() == null ? 0 : raw.getPayload().remaining();
        if (size > MAX_PAYLOAD_BYTES) {
            return refuse(
                    raw,
                    null,
                    "control record value is "
                            + size
                            + " bytes, over the limit of "
                            + MAX_PAYLOAD_BYTES
                            + " (not parsed)",
                    now);
        }
        ControlCommand command;
        try {
            command = ControlCommandCodec.decode(RequestValidator.bytesOf(raw.getPayload()));
        } catch (InvalidRecordException e) {
            return refuse(raw, null, e.getMessage(), now);
        } catch (RuntimeException | StackOverflowError e) {
            // A decoder bug must cost one record, not the job.
            return refuse(
                    raw,
                    null,
                    "undecodable control record: "
                            + e.getClass().getSimpleName()
                            + " "
                            + CleanText.quoted(e.getMessage(), 200),
                    now);
        }
        if (!isValidId(command.getRequestId())) {
            return refuse(
                    raw,
                    null,
                    "requestId "
                            + CleanText.quoted(command.getRequestId(), 64)
                            + " must be 1-128 characters of [A-Za-z0-9._-]",
                    now);
        }
        String requestId = command.getRequestId();
        if (command.getRunId() != null && !isValidId(command.getRunId())) {
            return refuse(
                    raw,
                    requestId,
                    "runId "
                            + CleanText.quoted(command.getRunId(), 64)
                            + " must be null or 1-128 characters of [A-Za-z0-9._-]",
                    now);
        }
        if (command.getAction() != ControlAction.CANCEL) {
            return refuse(
                    raw,
                    requestId,
                    "unknown control action "
                            + command.getAction()
                            + " (written by a newer version?); nothing was done",
                    now);
        }
        return new Decision(
                ControlCommand.newBuilder(command)
                        .setReason(cleaned(command.getReason(), MAX_REASON_CHARS))
                        .setIssuedBy(cleaned(command.getIssuedBy(), MAX_ISSUER_CHARS))
                        .build(),
                null);
    }

    private static boolean isValidId(String value) {
        return value != null && RequestRules.REQUEST_ID.matcher(value).matches();
    }

    private static String cleaned(String text, int maxChars) {
        return text == null || CleanText.isEmptyWhenCleaned(text)
                ? null
                : CleanText.forSink(text, maxChars);
    }

    private static Decision refuse(RawRequest raw, String requestId, String reason, Instant now) {
        return new Decision(null, DeadLetters.refused(raw, requestId, STAGE, reason, now));
    }
}
