package io.badgeflow.model.door;

import io.badgeflow.model.Require;
import java.time.Instant;

/**
 * A door reported its leaf opened, closed, forced or held open. Readers may put it on the stream directly.
 * Partition key {@code door:<doorId>}: one door's states stay in order, whoever passes it.
 */
public record DoorStateChanged(String eventId, String doorId, String buildingId, DoorState state, Instant occurredAt)
        implements DoorEvent {

    public DoorStateChanged {
        eventId = Require.id("eventId", eventId);
        doorId = Require.id("doorId", doorId);
        buildingId = Require.id("buildingId", buildingId);
        state = Require.present("state", state);
        occurredAt = Require.present("occurredAt", occurredAt);
    }

    @Override
    public String partitionKey() {
        return "door:" + doorId;
    }
}
