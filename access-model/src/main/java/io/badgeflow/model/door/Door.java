package io.badgeflow.model.door;

import java.util.Objects;

/** A reader or turnstile of one building, known by the hash of its device API key, never the key itself. */
public record Door(
        String doorId, String buildingId, String name, DoorCapability capability, DeviceKeyHash keyHash, long version) {

    public Door {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(keyHash, "keyHash");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A two-way door named after its id, as the door simulator registers its own doors. */
    public Door(String doorId, String buildingId, DeviceKeyHash keyHash) {
        this(doorId, buildingId, doorId, DoorCapability.BOTH, keyHash, 1);
    }

    public static Door registered(
            String doorId, String buildingId, String name, DoorCapability capability, DeviceKeyHash keyHash) {
        return new Door(doorId, buildingId, name, capability, keyHash, 1);
    }

    public Door withKey(DeviceKeyHash next) {
        return new Door(doorId, buildingId, name, capability, next, version + 1);
    }

    /** The same door stored as {@code next}: several changes of one transaction are written as one. */
    public Door atVersion(long next) {
        return new Door(doorId, buildingId, name, capability, keyHash, next);
    }

    public boolean accepts(DeviceKey presented) {
        return presented != null && keyHash.matches(presented);
    }
}
