package io.badgeflow.model.archive;

import io.badgeflow.model.door.DoorEvent;
import java.util.List;
import java.util.Objects;

/**
 * One stored part of the archive as read back: its key and the events in it that fall in the range asked for, in
 * the order they were read from the shard.
 */
public record ArchivedObject(String key, List<DoorEvent> events) {

    public ArchivedObject {
        Objects.requireNonNull(key, "key");
        events = List.copyOf(events);
    }
}
