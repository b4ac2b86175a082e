package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Revokes a card for good: terminal. */
public record RevokeCard(String commandId, String actor, Instant occurredAt, String cardId) implements Command {

    public RevokeCard {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
    }
}
