package io.badgeflow.admin.grant;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.grant.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** One employee's permission for one building, with its schedule in the building's local time. */
public record GrantView(
        String employeeId,
        String buildingId,
        ScheduleView schedule,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant grantedAt,
        String grantedBy) {

    public static GrantView of(AccessGrant grant) {
        return new GrantView(
                grant.employeeId(),
                grant.buildingId(),
                ScheduleView.of(grant.schedule()),
                grant.validFrom(),
                grant.validUntil(),
                grant.grantedAt(),
                grant.grantedBy());
    }

    /** Days in week order, so the same schedule always reads the same; times as the commands carry them. */
    public record ScheduleView(
            List<DayOfWeek> days,
            @JsonFormat(pattern = "HH:mm") LocalTime from,
            @JsonFormat(pattern = "HH:mm") LocalTime until) {

        static ScheduleView of(Schedule schedule) {
            return schedule == null
                    ? null
                    : new ScheduleView(schedule.days().stream().sorted().toList(), schedule.from(), schedule.until());
        }
    }
}
