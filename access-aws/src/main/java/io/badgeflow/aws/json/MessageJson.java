package io.badgeflow.aws.json;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.door.DoorEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of our messages (command documents, stream records), shared by the writer and the reader
 * so the two cannot drift. Unknown fields are an error: a misspelt field must not be silently dropped from a
 * command.
 */
public final class MessageJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private MessageJson() {}

    public static byte[] write(Command command) {
        return MAPPER.writeValueAsBytes(command);
    }

    public static byte[] write(DoorEvent event) {
        return MAPPER.writerFor(DoorEvent.class).writeValueAsBytes(event);
    }

    /** A door alarm as published to the alarms topic. */
    public static byte[] write(Alarm alarm) {
        return MAPPER.writeValueAsBytes(alarm);
    }

    public static Command readCommand(byte[] document) {
        return read(document, Command.class);
    }

    public static DoorEvent readDoorEvent(byte[] record) {
        return read(record, DoorEvent.class);
    }

    public static Alarm readAlarm(byte[] message) {
        return read(message, Alarm.class);
    }

    private static <T> T read(byte[] json, Class<T> type) {
        if (!startsAnObject(json)) {
            throw new UnreadableMessageException(
                    UnreadableMessageException.Kind.MALFORMED,
                    "not a JSON object: a " + type.getSimpleName().toLowerCase() + " is a JSON object naming its type");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (InvalidTypeIdException unknownType) {
            if (unknownType.getTypeId() == null) {
                throw new UnreadableMessageException(
                        UnreadableMessageException.Kind.MALFORMED,
                        "no \"type\": a " + type.getSimpleName().toLowerCase() + " is a JSON object naming its type");
            }
            throw new UnreadableMessageException(
                    UnreadableMessageException.Kind.UNKNOWN_TYPE,
                    "unknown " + type.getSimpleName().toLowerCase() + " type '" + unknownType.getTypeId() + "'");
        } catch (ValueInstantiationException invalid) {
            if (invalid.getCause() instanceof InvalidFieldException field) {
                throw new UnreadableMessageException(UnreadableMessageException.Kind.INVALID_FIELD, field.getMessage());
            }
            throw new UnreadableMessageException(
                    UnreadableMessageException.Kind.MALFORMED, invalid.getOriginalMessage());
        } catch (JacksonException malformed) {
            throw new UnreadableMessageException(
                    UnreadableMessageException.Kind.MALFORMED, malformed.getOriginalMessage());
        }
    }

    private static boolean startsAnObject(byte[] json) {
        for (var b : json) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }
}
