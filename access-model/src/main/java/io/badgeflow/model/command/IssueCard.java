package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/**
 * Issues a new card. With an employee it is linked and ACTIVE at once and supersedes that employee's current card;
 * without one it is ISSUED, in stock.
 */
public record IssueCard(
        String commandId,
        String actor,
        Instant occurredAt,
        String cardId,
        String cardNumber,
        String employeeId,
        Instant validFrom,
        Instant validUntil)
        implements Command {

    public IssueCard {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
        cardNumber = Require.id("cardNumber", cardNumber);
        employeeId = employeeId == null ? null : Require.id("employeeId", employeeId);
        Require.window("validUntil", validFrom, validUntil);
    }
}
