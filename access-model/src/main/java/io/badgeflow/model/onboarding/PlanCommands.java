package io.badgeflow.model.onboarding;

import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.command.RevokeCard;
import io.badgeflow.model.command.SetCardValidity;
import io.badgeflow.model.command.UpdateEmployee;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The existing back-office commands that carry out one plan row, to be applied together: a CREATE registers (as
 * onboarding always did), an UPDATE sends only what changed (UpdateEmployee for personal data, IssueCard for a new
 * card number, which supersedes the old card, RevokeCard when the file gives no card, SetCardValidity for a new
 * window on the same card, GrantAccess/RevokeAccess per building), an OFFBOARD is OffboardEmployee. Every id is
 * derived from the import and the row, so applying the plan again (a redelivery) repeats the same commands, which
 * the command log recognises.
 */
public final class PlanCommands {

    private PlanCommands() {}

    public static List<Command> of(PlanRow row, String importId, String actor, Instant occurredAt) {
        return switch (row.action()) {
            case CREATE -> row.target().commands(importId, actor, occurredAt);
            case UPDATE -> update(row, importId, actor, occurredAt);
            case OFFBOARD ->
                List.of(new OffboardEmployee(
                        importId + ":offboard:" + row.employeeId(), actor, occurredAt, row.employeeId()));
            case UNCHANGED, REJECTED -> List.of();
        };
    }

    /** Ids of the records the row's commands create, presumed free on the first attempt. */
    public static Set<String> mintedIds(PlanRow row, String importId) {
        return switch (row.action()) {
            case CREATE -> row.target().mintedIds(importId);
            case UPDATE ->
                changed(row, "cardNumber") && row.target().cardNumber() != null
                        ? Set.of(cardId(importId, row))
                        : Set.of();
            default -> Set.of();
        };
    }

    private static List<Command> update(PlanRow row, String importId, String actor, Instant at) {
        var prefix = importId + ":" + row.rowNumber() + ":";
        var target = row.target();
        var known = row.known();
        var commands = new ArrayList<Command>();
        if (changed(row, "givenName")
                || changed(row, "familyName")
                || changed(row, "email")
                || changed(row, "department")) {
            commands.add(new UpdateEmployee(
                    prefix + "update",
                    actor,
                    at,
                    known.employeeId(),
                    known.employeeNumber(),
                    target.givenName(),
                    target.familyName(),
                    target.email(),
                    target.department()));
        }
        if (changed(row, "cardNumber")) {
            if (target.cardNumber() == null) {
                commands.add(new RevokeCard(prefix + "revoke-card", actor, at, known.currentCardId()));
            } else {
                commands.add(new IssueCard(
                        prefix + "card",
                        actor,
                        at,
                        cardId(importId, row),
                        target.cardNumber(),
                        known.employeeId(),
                        null,
                        Reconciliation.endOf(target.validUntil())));
            }
        } else if (changed(row, "validUntil")) {
            commands.add(new SetCardValidity(
                    prefix + "validity",
                    actor,
                    at,
                    known.currentCardId(),
                    known.cardValidFrom(),
                    Reconciliation.endOf(target.validUntil())));
        }
        if (changed(row, "buildings")) {
            var wanted = new TreeSet<>(target.buildingCodes());
            var added =
                    wanted.stream().filter(b -> !known.buildings().contains(b)).toList();
            var removed =
                    known.buildings().stream().filter(b -> !wanted.contains(b)).toList();
            for (var i = 0; i < added.size(); i++) {
                commands.add(new GrantAccess(
                        prefix + "grant-" + i, actor, at, known.employeeId(), added.get(i), null, null, null));
            }
            for (var i = 0; i < removed.size(); i++) {
                commands.add(new RevokeAccess(prefix + "revoke-" + i, actor, at, known.employeeId(), removed.get(i)));
            }
        }
        return commands;
    }

    private static boolean changed(PlanRow row, String field) {
        return row.changes().stream().anyMatch(change -> change.field().equals(field));
    }

    private static String cardId(String importId, PlanRow row) {
        return UUID.nameUUIDFromBytes(("card:" + importId + ":" + row.rowNumber()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
