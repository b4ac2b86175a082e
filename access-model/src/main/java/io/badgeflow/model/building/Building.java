package io.badgeflow.model.building;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.presence.AntiPassback;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A site with doors. Its code is its id; its time zone is the one grant schedules are read in, so "Mon-Fri
 * 07:00-19:00" means local office hours wherever the building is. Its anti-passback setting holds for all its
 * doors; a building whose setting was never changed is HARD, the product's default.
 *
 * @param antiPassbackSetAt {@code occurredAt} of the command that set {@code antiPassback}, so an older one cannot
 *     undo a newer; null while the building has the default
 */
public record Building(
        String buildingId,
        String name,
        ZoneId timeZone,
        AntiPassback antiPassback,
        Instant antiPassbackSetAt,
        long version) {

    public Building {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(antiPassback, "antiPassback");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A building with the default anti-passback (HARD), never set. */
    public Building(String buildingId, String name, ZoneId timeZone, long version) {
        this(buildingId, name, timeZone, AntiPassback.hard(), null, version);
    }

    /** The same building stored as {@code next}: several changes of one transaction are written as one. */
    public Building atVersion(long next) {
        return new Building(buildingId, name, timeZone, antiPassback, antiPassbackSetAt, next);
    }

    /**
     * The next version with {@code setting}, set by a command issued at {@code setAt}. The newest setting by that
     * moment wins, whatever the order the commands arrive in; the same setting again is simply applied again.
     */
    public Building withAntiPassback(AntiPassback setting, Instant setAt) {
        if (antiPassbackSetAt != null && setAt.isBefore(antiPassbackSetAt)) {
            throw new RejectedException(
                    RejectionReason.STALE_UPDATE,
                    "building " + buildingId + " already has an anti-passback setting from a newer command ("
                            + antiPassbackSetAt + ")");
        }
        return new Building(buildingId, name, timeZone, setting, setAt, version + 1);
    }

    /** A newly registered building: the default anti-passback, version 1. */
    public static Building registered(String buildingId, String name, ZoneId timeZone) {
        return new Building(buildingId, name, timeZone, 1);
    }
}
