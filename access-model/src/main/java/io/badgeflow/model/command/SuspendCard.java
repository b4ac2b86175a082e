package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Blocks an ACTIVE card for now (reversible with ResumeCard). */
public record SuspendCard(String commandId, String actor, Instant occurredAt, String cardId) implements Command {

    public SuspendCard {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
    }
}
