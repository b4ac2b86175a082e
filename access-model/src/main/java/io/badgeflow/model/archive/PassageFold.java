package io.badgeflow.model.archive;

import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds one building's passages, in any order, into who was inside at a moment: a granted entry puts its person
 * inside, an exit outside, and per person the newest passage wins (the rule presence applies, see
 * {@code Presence}), so the answer does not depend on the order the archive hands events over. Passages after the
 * moment, denials and door states change nothing. An exit that names only a card number counts for the person
 * whose granted entry through this building used that card earlier in the fold; an exit of a card never seen
 * entering is nobody we know. Streams: holds one entry per person, never the events.
 */
public final class PassageFold {

    private final String buildingId;
    private final Instant at;
    private final Map<String, Passage> newest = new HashMap<>();
    private final Map<String, String> holderOfCard = new HashMap<>();
    private long eventsRead;

    public PassageFold(String buildingId, Instant at) {
        this.buildingId = Objects.requireNonNull(buildingId, "buildingId");
        this.at = Objects.requireNonNull(at, "at");
    }

    public void accept(DoorEvent event) {
        eventsRead++;
        if (event.occurredAt().isAfter(at)) {
            return;
        }
        switch (event) {
            case EntryDecided entry
            when entry.decision() == Outcome.GRANTED
                    && entry.employeeId() != null
                    && buildingId.equals(entry.buildingId()) -> {
                holderOfCard.put(entry.cardNumber(), entry.employeeId());
                pass(entry.employeeId(), true, entry.doorId(), entry.occurredAt());
            }
            case ExitRecorded exit
            when buildingId.equals(exit.buildingId()) -> {
                var who = exit.employeeId() != null ? exit.employeeId() : holderOfCard.get(exit.cardNumber());
                if (who != null) {
                    pass(who, false, exit.doorId(), exit.occurredAt());
                }
            }
            default -> {
                // Other buildings, denials, unconfirmed swipes and door states move nobody.
            }
        }
    }

    /** Everyone whose newest passage so far is an entry, by {@code since}, then employee id. */
    public List<PersonInside> inside() {
        return newest.entrySet().stream()
                .filter(e -> e.getValue().inside())
                .map(e -> new PersonInside(
                        e.getKey(), e.getValue().doorId(), e.getValue().at()))
                .sorted(Comparator.comparing(PersonInside::since).thenComparing(PersonInside::employeeId))
                .toList();
    }

    public long eventsRead() {
        return eventsRead;
    }

    private void pass(String employeeId, boolean inside, String doorId, Instant when) {
        // Same instant: the later one read wins, as presence lets a passage at the recorded time replace it.
        newest.merge(
                employeeId,
                new Passage(inside, doorId, when),
                (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    private record Passage(boolean inside, String doorId, Instant at) {}
}
