package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Links a card in stock (ISSUED) to an employee who holds no current card; it becomes ACTIVE. */
public record LinkCard(String commandId, String actor, Instant occurredAt, String cardId, String employeeId)
        implements Command {

    public LinkCard {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
        employeeId = Require.id("employeeId", employeeId);
    }
}
