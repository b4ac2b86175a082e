package io.badgeflow.model.access;

import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceKey;
import io.badgeflow.model.presence.PresenceLedger;
import io.badgeflow.model.presence.PresenceLedger.Replacement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
     * Applies a batch's passages with as few round trips as the ledger allows: the presences they move that this
     * process does not remember are read in one go; per presence, its passages are folded in batch order (the
     * stream's order for one person) into the last state; the changed presences are written together. A presence
     * whose write did not happen (it moved meanwhile) has its passages applied one by one, as {@link #apply} does.
     *
     * @throws PresenceContentionException when a presence moved under every attempt; applying the batch again
     *     later is safe
     */
    public void applyAll(Collection<? extends DoorEvent> events) {
        var byKey = new LinkedHashMap<PresenceKey, List<Passage>>();
        events.forEach(event -> passage(event)
                .ifPresent(passage -> whose(passage)
                        .ifPresent(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(passage))));
        if (byKey.isEmpty()) {
            return;
        }
        ledger.prefetch(byKey.keySet());
        var replacements = new ArrayList<Replacement>();
        byKey.forEach((key, passages) -> {
            var read = ledger.recall(key.employeeId(), key.buildingId())
                    .orElseGet(() -> Presence.unknown(key.employeeId(), key.buildingId()));
            var next = read;
            for (var passage : passages) {
                next = passage.applyTo(next);
            }
            if (next.isNewerThan(read)) {
                replacements.add(new Replacement(read, next));
            }
        });
        for (var unwritten : ledger.replaceAll(replacements)) {
            var key = new PresenceKey(
                    unwritten.next().employeeId(), unwritten.next().buildingId());
            byKey.get(key).forEach(passage -> move(passage, key));
        }
    }

    /**
     * One event, as a batch of one.
     *
     * @throws PresenceContentionException when the presence moved under every attempt; applying the event again
     *     later is safe
     */
    public void apply(DoorEvent event) {
        applyAll(List.of(event));
    }

    /** Granted entries and exits move people; denials, unconfirmed swipes and door states move nobody. */
    private static Optional<Passage> passage(DoorEvent event) {
        return switch (event) {
            case EntryDecided entry
            when entry.decision() == Outcome.GRANTED ->
                Optional.of(new Passage(
                        entry.eventId(),
                        entry.employeeId(),
                        entry.cardNumber(),
                        entry.buildingId(),
                        entry.doorId(),
                        entry.occurredAt(),
                        true));
            case ExitRecorded exit ->
                Optional.of(new Passage(
                        exit.eventId(),
                        exit.employeeId(),
                        exit.cardNumber(),
                        exit.buildingId(),
                        exit.doorId(),
                        exit.occurredAt(),
                        false));
            default -> Optional.empty();
        };
    }

    /** The presence a passage moves: an exit that names just a card number is its card's employee's. */
    private Optional<PresenceKey> whose(Passage passage) {
        var who = passage.employeeId() != null
                ? passage.employeeId()
                : facts.cardByNumber(passage.cardNumber()).map(Card::employeeId).orElse(null);
        if (who == null || passage.buildingId() == null) {
            return Optional.empty();
        }
        return Optional.of(new PresenceKey(who, passage.buildingId()));
    }

    /** One passage, re-reading the presence while its version moves under the write. */
    private void move(Passage passage, PresenceKey key) {
        var who = key.employeeId();
        var buildingId = key.buildingId();
        // First from what this process remembers: memory only moves forward, so if it already shows this passage
        // (or a newer one) nothing is to be written; if it is stale, the version condition fails and we read.
        // The decision path writes presence before it publishes, so its own passages cost no I/O here.
        var read = ledger.recall(who, buildingId).orElseGet(() -> Presence.unknown(who, buildingId));
        for (var attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            var next = passage.applyTo(read);
            if (!next.isNewerThan(read) || ledger.replace(read, next)) {
                return;
            }
            read = ledger.find(who, buildingId).orElseGet(() -> Presence.unknown(who, buildingId));
        }
        throw new PresenceContentionException(passage.eventId(), MAX_ATTEMPTS);
    }

    private record Passage(
            String eventId,
            String employeeId,
            String cardNumber,
            String buildingId,
            String doorId,
            Instant at,
            boolean inside) {

        Presence applyTo(Presence presence) {
            return inside ? presence.entered(eventId, doorId, at) : presence.left(eventId, doorId, at);
        }
    }
}
