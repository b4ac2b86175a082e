package io.badgeflow.model.presence;

import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.access.Outcome;
import io.badgeflow.model.access.PresenceContentionException;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies passages from the stream to presence: a granted entry puts its person inside, an exit outside. The
 * decision path has usually written the same passage already, so most applications find it recorded and write
 * nothing; exits put on the stream by readers directly are applied only here. An exit that names just a card
 * number is resolved to the card's employee. Safe to apply again and out of order (see {@link Presence}).
 */
public final class PresenceProjector {

    static final int MAX_ATTEMPTS = 5;

    private final PresenceLedger ledger;
    private final AccessFacts facts;

    public PresenceProjector(PresenceLedger ledger, AccessFacts facts) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /**
     * Before a batch is applied: reads the presences its passages concern that this process does not remember, in
     * one go rather than one read per passage.
     */
    public void prepare(Collection<? extends DoorEvent> events) {
        var keys = new LinkedHashSet<PresenceKey>();
        events.forEach(event -> passage(event).flatMap(this::whose).ifPresent(keys::add));
        if (!keys.isEmpty()) {
            ledger.prefetch(keys);
        }
    }

    /**
     * @throws PresenceContentionException when the presence moved under every attempt; applying the event again
     *     later is safe
     */
    public void apply(DoorEvent event) {
        passage(event).ifPresent(passage -> whose(passage).ifPresent(key -> move(passage, key)));
    }

    /** Granted entries and exits move people; denials, unconfirmed swipes and door states move nobody. */
    private static Optional<Passage> passage(DoorEvent event) {
        return switch (event) {
            case EntryDecided entry when entry.decision() == Outcome.GRANTED -> Optional.of(new Passage(
                    entry.eventId(), entry.employeeId(), entry.cardNumber(), entry.buildingId(), entry.doorId(),
                    entry.occurredAt(), true));
            case ExitRecorded exit -> Optional.of(new Passage(exit.eventId(), exit.employeeId(), exit.cardNumber(),
                    exit.buildingId(), exit.doorId(), exit.occurredAt(), false));
            default -> Optional.empty();
        };
    }

    /** The presence a passage moves: an exit that names just a card number is its card's employee's. */
    private Optional<PresenceKey> whose(Passage passage) {
        var who = passage.employeeId() != null ? passage.employeeId()
                : facts.cardByNumber(passage.cardNumber()).map(Card::employeeId).orElse(null);
        if (who == null || passage.buildingId() == null) {
            return Optional.empty();
        }
        return Optional.of(new PresenceKey(who, passage.buildingId()));
    }

    private void move(Passage passage, PresenceKey key) {
        var who = key.employeeId();
        var buildingId = key.buildingId();
        var eventId = passage.eventId();
        // First from what this process remembers: memory only moves forward, so if it already shows this passage
        // (or a newer one) nothing is to be written; if it is stale, the version condition fails and we read.
        // The decision path writes presence before it publishes, so its own passages cost no I/O here.
        var read = ledger.recall(who, buildingId).orElseGet(() -> Presence.unknown(who, buildingId));
        for (var attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            var next = passage.inside() ? read.entered(eventId, passage.doorId(), passage.at())
                    : read.left(eventId, passage.doorId(), passage.at());
            if (!next.isNewerThan(read) || ledger.replace(read, next)) {
                return;
            }
            read = ledger.find(who, buildingId).orElseGet(() -> Presence.unknown(who, buildingId));
        }
        throw new PresenceContentionException(eventId, MAX_ATTEMPTS);
    }

    private record Passage(String eventId, String employeeId, String cardNumber, String buildingId, String doorId,
            Instant at, boolean inside) {
    }
}
