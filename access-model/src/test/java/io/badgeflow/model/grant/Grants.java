package io.badgeflow.model.grant;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;

/** Test-data builder for grants: {@code Grants.to("emp-1", "HQ").officeHours().build()}. */
public final class Grants {

    /** Mon-Fri 07:00-19:00. */
    public static final Schedule OFFICE_HOURS =
            new Schedule(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 0));

    private final String employeeId;
    private final String buildingId;
    private Schedule schedule;
    private LocalDate validFrom;
    private LocalDate validUntil;

    private Grants(String employeeId, String buildingId) {
        this.employeeId = employeeId;
        this.buildingId = buildingId;
    }

    /** An unlimited grant: any day, any hour. */
    public static Grants to(String employeeId, String buildingId) {
        return new Grants(employeeId, buildingId);
    }

    public Grants schedule(Schedule value) {
        schedule = value;
        return this;
    }

    public Grants officeHours() {
        return schedule(OFFICE_HOURS);
    }

    public Grants between(LocalDate from, LocalDate until) {
        validFrom = from;
        validUntil = until;
        return this;
    }

    public AccessGrant build() {
        return new AccessGrant(
                employeeId,
                buildingId,
                schedule,
                validFrom,
                validUntil,
                Instant.parse("2026-11-01T09:00:00Z"),
                "hr-admin",
                1);
    }
}
