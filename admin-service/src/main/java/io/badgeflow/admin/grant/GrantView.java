package io.badgeflow.admin.grant;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.grant.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One employee's permission for one building, with its schedule in the building's local time, the employee's
 * number and name, and the name of the admin who granted it ({@code grantedByName}; null when the subject names no
 * user, such as {@code imports-bucket}).
 */
public record GrantView(
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String buildingId,
        ScheduleView schedule,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant grantedAt,
        String grantedBy,
        String grantedByName) {

    public static GrantView of(AccessGrant grant, PeopleNames.Known names) {
        return new GrantView(
                grant.employeeId(),
                names.employeeNumber(grant.employeeId()),
                names.givenName(grant.employeeId()),
                names.familyName(grant.employeeId()),
                grant.buildingId(),
                ScheduleView.of(grant.schedule()),
                grant.validFrom(),
                grant.validUntil(),
                grant.grantedAt(),
                grant.grantedBy(),
                names.staffName(grant.grantedBy()));
    }

    /** The views of these grants, with the names joined in one batch read. */
    public static List<GrantView> of(List<AccessGrant> grants, PeopleNames people) {
        var names = people.of(
                grants.stream().map(AccessGrant::employeeId).toList(),
                grants.stream().map(AccessGrant::grantedBy).toList());
        return grants.stream().map(grant -> of(grant, names)).toList();
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
