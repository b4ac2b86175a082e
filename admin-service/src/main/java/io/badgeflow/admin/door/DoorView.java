package io.badgeflow.admin.door;

import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorCapability;

/** One door as the back office shows it: never its key hash, which is nobody's business outside the door API. */
public record DoorView(String doorId, String buildingId, String name, DoorCapability capability) {

    public static DoorView of(Door door) {
        return new DoorView(door.doorId(), door.buildingId(), door.name(), door.capability());
    }
}
