package io.badgeflow.model.employee;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: the visitors or contractors whose days have not ended, which is what reception works from (who is
 * expected, who holds a badge until when). Employees are never listed here.
 */
public interface Affiliates {

    /** Upper bound on one listing: a site's visitors and contractors of the coming weeks, not its history. */
    int MAX_LISTED = 1000;

    /**
     * The people of {@code kind} (VISITOR or CONTRACTOR) whose last day is {@code date} or later, soonest ending
     * first, at most {@link #MAX_LISTED}; those whose days start after {@code date} are included (a caller asking
     * "expected today" filters with {@link Affiliation#isInForceOn}).
     */
    List<Employee> notEndedBy(Affiliation.Kind kind, LocalDate date);
}
