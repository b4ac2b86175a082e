package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Takes a card back from its employee into stock (ISSUED), for example when a badge is returned at a desk. */
public record UnlinkCard(String commandId, String actor, Instant occurredAt, String cardId) implements Command {

    public UnlinkCard {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
    }
}
