package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import java.time.Instant;

/** Marks a card lost or stolen: terminal, it never opens a door again. */
public record ReportCardLost(String commandId, String actor, Instant occurredAt, String cardId) implements Command {

    public ReportCardLost {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        cardId = Require.id("cardId", cardId);
    }
}
