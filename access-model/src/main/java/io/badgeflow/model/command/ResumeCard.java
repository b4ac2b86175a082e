package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Makes a SUSPENDED card ACTIVE again. */
public record ResumeCard(String commandId, String actor, Instant occurredAt, String cardId) implements Command {

    public ResumeCard {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
    }
}
