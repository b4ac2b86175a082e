package io.badgeflow.model.grant;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.badgeflow.model.InvalidFieldException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a grant opens doors, in the building's local time: on the given days, from {@code from} (inclusive) to
 * {@code until} (exclusive). A window that ends before it starts runs over midnight and belongs to the day it
 * starts on, so a Friday night shift "FRIDAY 22:00-06:00" covers Saturday 05:59.
 */
public record Schedule(
        Set<DayOfWeek> days,
        @JsonFormat(pattern = "HH:mm") LocalTime from,
        @JsonFormat(pattern = "HH:mm") LocalTime until) {

    public Schedule {
        if (days == null || days.isEmpty()) {
            throw new InvalidFieldException("schedule.days", "must name at least one day");
        }
        if (from == null || until == null) {
            throw new InvalidFieldException("schedule.from", "from and until are both required");
        }
        if (from.equals(until)) {
            throw new InvalidFieldException("schedule.until", "must differ from schedule.from");
        }
        // Monday first, always: the days are written in this order wherever the schedule is shown or stored.
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public boolean covers(LocalDateTime local) {
        Objects.requireNonNull(local, "local");
        var time = local.toLocalTime();
        var day = local.getDayOfWeek();
        if (from.isBefore(until)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(until);
        }
        return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(until));
    }
}
