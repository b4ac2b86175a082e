package io.badgeflow.model.archive;

import java.time.Instant;
import java.util.List;

/**
 * Who was inside {@code buildingId} at {@code at}, as far as the passages since {@code lookBackFrom} tell.
 * Someone who entered before {@code lookBackFrom} and did not pass a door since is not in {@code people}: the
 * archive window does not know them (unknown, not outside).
 *
 * @param people by {@code since}, then employee id
 * @param eventsRead every archived event read for the window, of all buildings
 */
public record InsideAtReport(
        String buildingId, Instant at, Instant lookBackFrom, List<PersonInside> people, long eventsRead) {

    public InsideAtReport {
        people = List.copyOf(people);
    }
}
