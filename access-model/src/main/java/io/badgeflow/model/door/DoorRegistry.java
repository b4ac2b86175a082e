package io.badgeflow.model.door;

import java.util.Optional;

/** Port: the doors and their key hashes. */
public interface DoorRegistry {

    Optional<Door> find(String doorId);

    void register(Door door);
}
