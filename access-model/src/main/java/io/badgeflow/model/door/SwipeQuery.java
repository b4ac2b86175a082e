package io.badgeflow.model.door;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * Which stored door events an auditor asks for: those of one employee, one door or one building, that occurred
 * in {@code [from, to)}. The range is bounded so one question never reads an unbounded number of index
 * partitions (a building's events are filed per UTC day).
 */
public record SwipeQuery(By by, String id, Instant from, Instant to) {

    /** The longest range one question may span. */
    public static final Duration MAX_RANGE = Duration.ofDays(31);

    /** What the events are filtered by; the names are the API's parameter names. */
    public enum By {
        EMPLOYEE("employeeId"),
        DOOR("doorId"),
        BUILDING("buildingId");

        private final String parameter;

        By(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    public SwipeQuery {
        if (by == null) {
            throw new InvalidFieldException("employeeId", "or doorId or buildingId: exactly one must be given");
        }
        Require.id(by.parameter(), id);
        if (from == null) {
            throw new InvalidFieldException("from", "must be given (an ISO instant)");
        }
        if (to == null) {
            throw new InvalidFieldException("to", "must be given (an ISO instant)");
        }
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidFieldException("to", "must be at most " + MAX_RANGE.toDays() + " days after from");
        }
    }

    /**
     * The query for whichever one of the three filters is given (blank counts as not given); more than one, or
     * none, is an invalid request.
     */
    public static SwipeQuery of(String employeeId, String doorId, String buildingId, Instant from, Instant to) {
        var given = 0;
        By by = null;
        String id = null;
        if (present(employeeId)) {
            given++;
            by = By.EMPLOYEE;
            id = employeeId;
        }
        if (present(doorId)) {
            given++;
            by = By.DOOR;
            id = doorId;
        }
        if (present(buildingId)) {
            given++;
            by = By.BUILDING;
            id = buildingId;
        }
        if (given > 1) {
            throw new InvalidFieldException("employeeId", "or doorId or buildingId: give only one of them");
        }
        return new SwipeQuery(by, id, from, to);
    }

    /** Whether {@code at} lies in {@code [from, to)}. */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
