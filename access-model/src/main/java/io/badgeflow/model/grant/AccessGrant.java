package io.badgeflow.model.grant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Permission for one employee to enter one building, optionally on a {@link Schedule} and between two dates
 * (inclusive, in the building's time zone).
 */
public record AccessGrant(
        String employeeId,
        String buildingId,
        Schedule schedule,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant grantedAt,
        String grantedBy,
        long version) {

    public AccessGrant {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(grantedBy, "grantedBy");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /**
     * The grant a granting leaves: a new one, or the next version of {@code existing} with its terms replaced.
     * {@code grantedBy} is the acting user.
     */
    public static AccessGrant granted(
            String employeeId,
            String buildingId,
            Schedule schedule,
            LocalDate validFrom,
            LocalDate validUntil,
            Instant grantedAt,
            String grantedBy,
            AccessGrant existing) {
        return new AccessGrant(
                employeeId,
                buildingId,
                schedule,
                validFrom,
                validUntil,
                grantedAt,
                grantedBy,
                existing == null ? 1 : existing.version() + 1);
    }

    /** The same grant stored as {@code next}: several changes of one transaction are written as one. */
    public AccessGrant atVersion(long next) {
        return new AccessGrant(employeeId, buildingId, schedule, validFrom, validUntil, grantedAt, grantedBy, next);
    }

    /** Whether the grant lets its employee in at {@code moment}, read in the building's {@code zone}. */
    public boolean covers(Instant moment, ZoneId zone) {
        return isInForceAt(moment, zone) && scheduleCovers(moment, zone);
    }

    /**
     * Whether {@code moment}'s local date lies between the grant's dates (inclusive); the entry rules tell this
     * (no access at all that day) apart from {@link #scheduleCovers} (the wrong hour).
     */
    public boolean isInForceAt(Instant moment, ZoneId zone) {
        var date = moment.atZone(zone).toLocalDate();
        return !(validFrom != null && date.isBefore(validFrom) || validUntil != null && date.isAfter(validUntil));
    }

    /** Whether the grant is in force on {@code moment}'s local date or a later one: its dates have not ended. */
    public boolean isInForceAtOrAfter(Instant moment, ZoneId zone) {
        return validUntil == null || !moment.atZone(zone).toLocalDate().isAfter(validUntil);
    }

    /** Whether the schedule, if any, covers {@code moment} in the building's local time; no schedule is always. */
    public boolean scheduleCovers(Instant moment, ZoneId zone) {
        return schedule == null || schedule.covers(moment.atZone(zone).toLocalDateTime());
    }
}
