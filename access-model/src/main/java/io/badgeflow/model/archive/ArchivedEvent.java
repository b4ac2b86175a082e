package io.badgeflow.model.archive;

import io.badgeflow.model.door.DoorEvent;
import java.util.Objects;

/**
 * A door event as the consumer read it, with its place on the shard: the sequence number names the batch's
 * archive object, so a batch read again is stored under the same key.
 */
public record ArchivedEvent(String sequenceNumber, DoorEvent event) {

    public ArchivedEvent {
        if (sequenceNumber == null || !sequenceNumber.matches("[0-9]{1,128}")) {
            throw new IllegalArgumentException("a sequence number is decimal digits, got " + sequenceNumber);
        }
        Objects.requireNonNull(event, "event");
    }
}
