package io.badgeflow.model.door;

import java.util.Optional;

/** Port: the doors and their key hashes. */
public interface DoorRegistry {

    Optional<Door> find(String doorId);

    /**
     * Reads the door again, past whatever this registry remembers: asked when the door refuses the key presented,
     * since the key may have been rotated a moment ago.
     */
    default Optional<Door> reload(String doorId) {
        return find(doorId);
    }

    /** The door holding this key, if any: only asked when a device's key does not open its own door. */
    Optional<Door> findByKey(DeviceKeyHash keyHash);

    void register(Door door);
}
