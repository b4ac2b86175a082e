package io.badgeflow.model.backoffice;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.Change.SaveBuilding;
import io.badgeflow.model.backoffice.Change.SaveDoor;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.command.NotYetKnownException;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RotateDoorKey;
import io.badgeflow.model.command.SetAntiPassback;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import java.time.ZoneId;

/** The building and door commands. */
final class SiteDecisions {

    private final BackOfficeStore store;

    SiteDecisions(BackOfficeStore store) {
        this.store = store;
    }

    Decision registerBuilding(RegisterBuilding command) {
        if (store.building(command.buildingId()).isPresent()) {
            throw new RejectedException(
                    RejectionReason.BUILDING_ALREADY_EXISTS,
                    "building " + command.buildingId() + " is already registered");
        }
        return Decision.of(
                null,
                command.buildingId(),
                new SaveBuilding(
                        Building.registered(command.buildingId(), command.name(), ZoneId.of(command.timeZone()))));
    }

    Decision registerDoor(RegisterDoor command) {
        if (store.door(command.doorId()).isPresent()) {
            throw new RejectedException(
                    RejectionReason.DOOR_ALREADY_EXISTS, "door " + command.doorId() + " is already registered");
        }
        if (store.building(command.buildingId()).isEmpty()) {
            throw NotYetKnownException.building(command.buildingId());
        }
        return Decision.of(
                null,
                command.doorId(),
                new SaveDoor(Door.registered(
                        command.doorId(),
                        command.buildingId(),
                        command.name(),
                        command.capability(),
                        new DeviceKeyHash(command.keyHash()))));
    }

    Decision setAntiPassback(SetAntiPassback command) {
        var building = store.building(command.buildingId())
                .orElseThrow(() -> NotYetKnownException.building(command.buildingId()));
        return Decision.of(
                null,
                building.buildingId(),
                new SaveBuilding(building.withAntiPassback(command.antiPassback(), command.occurredAt())));
    }

    Decision rotateKey(RotateDoorKey command) {
        var door = store.door(command.doorId()).orElseThrow(() -> NotYetKnownException.door(command.doorId()));
        return Decision.of(null, door.doorId(), new SaveDoor(door.withKey(new DeviceKeyHash(command.keyHash()))));
    }
}
