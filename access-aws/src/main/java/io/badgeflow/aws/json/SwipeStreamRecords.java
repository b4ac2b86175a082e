package io.badgeflow.aws.json;

import io.badgeflow.model.door.DoorEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of the swipe stream, which holds two forms: a door event put there by the swipe API, and a change
 * of the presence or door decisions table put there by DynamoDB's change capture (docs/decisions/0015). A change
 * carries a door event in its new image's {@code decisionEvent} when the decision path wrote it; any other change
 * (the stream consumer's own presence writes, expiries, deletions) carries none and is passed over.
 */
public final class SwipeStreamRecords {

    private static final JsonMapper TREES = JsonMapper.builder().build();
    private static final String CHANGE_SOURCE = "aws:dynamodb";

    private SwipeStreamRecords() {}

    /**
     * @return the door event the record holds, or empty for a table change that carries none
     * @throws UnreadableMessageException for a record that is neither form, or whose door event is not one
     */
    public static Optional<Streamed> read(byte[] record) {
        var change = changeRecord(record);
        if (change == null) {
            return Optional.of(new Streamed(MessageJson.readDoorEvent(record), false));
        }
        var eventName = change.path("eventName").asString("");
        if (!eventName.equals("INSERT") && !eventName.equals("MODIFY")) {
            return Optional.empty();
        }
        var carried =
                change.path("dynamodb").path("NewImage").path("decisionEvent").path("S");
        if (!carried.isString()) {
            return Optional.empty();
        }
        return Optional.of(
                new Streamed(MessageJson.readDoorEvent(carried.asString().getBytes(StandardCharsets.UTF_8)), true));
    }

    /**
     * A door event read from the stream.
     *
     * @param captured whether a table's change capture put it there: then the record's partition key is the
     *     table's choice, not the event's
     */
    public record Streamed(DoorEvent event, boolean captured) {}

    /** The record as a table change, or null when it is not one (then it must be a door event). */
    private static JsonNode changeRecord(byte[] record) {
        try {
            var tree = TREES.readTree(record);
            return tree != null && CHANGE_SOURCE.equals(tree.path("eventSource").asString(null)) ? tree : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
