package io.badgeflow.accessstream.decision;

import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorRegistry;
import java.util.Optional;

/**
 * The doors as the door API authenticates them: from the decision path's memory, read again when a door
 * refuses a key (it may have been rotated a moment ago), so authentication costs no round trip.
 */
final class RememberedDoors implements DoorRegistry {

    private final DoorRegistry stored;
    private final RememberedBackOffice backOffice;

    RememberedDoors(DoorRegistry stored, RememberedBackOffice backOffice) {
        this.stored = stored;
        this.backOffice = backOffice;
    }

    @Override
    public Optional<Door> find(String doorId) {
        return backOffice.door(doorId);
    }

    @Override
    public Optional<Door> reload(String doorId) {
        return backOffice.reloadDoor(doorId);
    }

    @Override
    public Optional<Door> findByKey(DeviceKeyHash keyHash) {
        return stored.findByKey(keyHash);
    }

    @Override
    public void register(Door door) {
        stored.register(door);
        backOffice.reloadDoor(door.doorId());
    }
}
