package io.badgeflow.model.building;

import io.badgeflow.model.command.RegisterBuilding;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A site with doors. Its code is its id; its time zone is the one grant schedules are read in, so "Mon-Fri
 * 07:00-19:00" means local office hours wherever the building is.
 */
public record Building(String buildingId, String name, ZoneId timeZone, long version) {

    public Building {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** The same building stored as {@code next}: several changes of one transaction are written as one. */
    public Building atVersion(long next) {
        return new Building(buildingId, name, timeZone, next);
    }

    public static Building registered(RegisterBuilding command) {
        return new Building(command.buildingId(), command.name(), ZoneId.of(command.timeZone()), 1);
    }
}
