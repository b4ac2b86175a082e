package io.badgeflow.model.door;

import java.util.Objects;

/** A reader or turnstile of one building, known by the hash of its device API key, never the key itself. */
public record Door(String doorId, String buildingId, DeviceKeyHash keyHash) {

    public Door {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(keyHash, "keyHash");
    }

    public boolean accepts(DeviceKey presented) {
        return presented != null && keyHash.matches(presented);
    }
}
