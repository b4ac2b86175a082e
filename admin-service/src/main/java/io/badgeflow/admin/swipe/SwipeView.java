package io.badgeflow.admin.swipe;

import io.badgeflow.admin.people.ErasedPeople;
import io.badgeflow.admin.people.Names;
import io.badgeflow.model.door.SwipeEntry;
import java.time.Instant;
import java.util.List;

/**
 * A stored door event as the audit and live views show it: the event's ids and outcome, with the names behind
 * the employee and door ids joined when shown (null when that record is gone).
 */
public record SwipeView(
        String eventId,
        String type,
        Instant occurredAt,
        String buildingId,
        String doorId,
        String doorName,
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String cardNumber,
        String cardId,
        String cardStatus,
        String direction,
        String decision,
        String reason,
        String rule,
        String policyVersion,
        String doorState,
        List<String> alarms,
        Instant receivedAt) {

    public static SwipeView of(SwipeEntry entry, Names names) {
        var employee = names.employee(entry.employeeId());
        return new SwipeView(
                entry.eventId(),
                entry.type(),
                entry.occurredAt(),
                entry.buildingId(),
                entry.doorId(),
                names.doorName(entry.doorId()),
                entry.employeeId(),
                employee.map(e -> e.employeeNumber()).orElse(null),
                employee.map(ErasedPeople::givenName).orElse(null),
                employee.map(ErasedPeople::familyName).orElse(null),
                entry.cardNumber(),
                entry.cardId(),
                entry.cardStatus(),
                entry.direction(),
                entry.decision(),
                entry.reason(),
                entry.rule(),
                entry.policyVersion(),
                entry.doorState(),
                entry.alarms(),
                entry.receivedAt());
    }

    /** The names of one page of entries, read once for the page. */
    public static List<SwipeView> page(
            List<SwipeEntry> entries, io.badgeflow.model.backoffice.BackOfficeDirectory directory) {
        var names = Names.join(
                directory,
                entries.stream().map(SwipeEntry::employeeId).toList(),
                entries.stream().map(SwipeEntry::doorId).toList());
        return entries.stream().map(entry -> of(entry, names)).toList();
    }
}
