package io.badgeflow.accessstream;

import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Doors in a map, for tests of the door API and the simulator. */
public final class InMemoryDoors implements DoorRegistry {

    private final Map<String, Door> doors = new HashMap<>();

    @Override
    public synchronized Optional<Door> find(String doorId) {
        return Optional.ofNullable(doors.get(doorId));
    }

    @Override
    public synchronized Optional<Door> findByKey(DeviceKeyHash keyHash) {
        return doors.values().stream()
                .filter(door -> door.keyHash().equals(keyHash))
                .findFirst();
    }

    @Override
    public synchronized void register(Door door) {
        doors.put(door.doorId(), door);
    }
}
