package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/**
 * Sets (or clears, with nulls) the window in which a card opens doors; the newest setting by {@code occurredAt}
 * wins.
 */
public record SetCardValidity(
        String commandId, String actor, Instant occurredAt, String cardId, Instant validFrom, Instant validUntil)
        implements Command {

    public SetCardValidity {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
        Require.window("validUntil", validFrom, validUntil);
    }
}
