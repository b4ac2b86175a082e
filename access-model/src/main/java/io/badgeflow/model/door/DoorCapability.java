package io.badgeflow.model.door;

/** Which ways a door's reader can be passed: an entry-only turnstile, an exit reader, or both. */
public enum DoorCapability {
    IN,
    OUT,
    BOTH;

    public boolean allows(Direction direction) {
        return this == BOTH || name().equals(direction.name());
    }
}
