package io.badgeflow.model.door;

import java.util.Optional;

/** Port: the doors and their key hashes. */
public interface DoorRegistry {

    Optional<Door> find(String doorId);

    /** The door holding this key, if any: only asked when a device's key does not open its own door. */
    Optional<Door> findByKey(DeviceKeyHash keyHash);

    void register(Door door);
}
