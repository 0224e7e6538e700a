package io.reelflow.schemas.codec;

import io.reelflow.schemas.ControlCommand;

/**
 * Reads and writes {@link ControlCommand}s as they travel on the control topic, like requests
 * ({@link VideoRequestCodec}): Avro single-object encoding or plain JSON, unknown JSON fields
 * ignored. An action this reader does not know decodes as {@code UNKNOWN} from Avro (the enum's
 * default) and fails from JSON; either way the job dead-letters it.
 */
public final class ControlCommandCodec {
    private static final SingleObjectOrJson<ControlCommand> CODEC =
            new SingleObjectOrJson<>(
                    ControlCommand.class,
                    "a control command",
                    SingleObjectOrJson.unchecked(c -> ControlCommand.getEncoder().encode(c)));

    private ControlCommandCodec() {}

    /** Decodes a Kafka record value; the exception message says why it is not a command. */
    public static ControlCommand decode(byte[] value) throws InvalidRecordException {
        return CODEC.decode(value);
    }

    /** The command in Avro single-object encoding. */
    public static byte[] toSingleObject(ControlCommand command) {
        return CODEC.toSingleObject(command);
    }

    /** The command as JSON. */
    public static byte[] toJson(ControlCommand command) {
        return RecordJson.toJson(command);
    }
}
