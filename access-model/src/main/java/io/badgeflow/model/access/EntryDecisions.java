package io.badgeflow.model.access;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceLedger;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a swipe and makes it count in one write: a passage's presence is written on the version the decision
 * read, carrying the decision's event (the write is the decision's commit point, and the store takes it to the
 * stream); any other decision is recorded as it stands. Only then is it answered.
 *
 * <p>Presence may first be recalled from memory. A grant is safe on a stale recall, because its write fails on
 * the moved version and the swipe is decided again on a fresh read; an anti-passback refusal is never given on a
 * recall, only on a fresh read. A swipe whose passage is already recorded (the reader retried after a lost
 * answer) is judged as if that passage had not happened, so it gets its first answer again and writes nothing:
 * the write that recorded the passage took its event to the stream.
 */
public final class EntryDecisions {

    /** Fresh reads after a lost race before giving up; each lost race means someone else's passage was stored. */
    static final int MAX_ATTEMPTS = 5;

    private final AccessFacts facts;
    private final PresenceLedger presences;
    private final DecisionLog log;
    private final Clock clock;

    public EntryDecisions(AccessFacts facts, PresenceLedger presences, DecisionLog log, Clock clock) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.presences = Objects.requireNonNull(presences, "presences");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decides a swipe no reader waits on with a deadline (see {@link #decide(EntryRequest, Deadline)}). */
    public Decision decide(EntryRequest request) {
        return decide(request, Deadline.NONE);
    }

    /**
     * @param deadline checked right before the decision's write: a swipe whose reader stopped waiting commits nothing
     * @throws DeadlinePassedException when the deadline passed before the write; nothing was written or published
     * @throws PresenceContentionException when the presence moved under every attempt
     * @throws RuntimeException whatever the ledger or the log throws when unavailable: nothing is answered
     */
    public Decision decide(EntryRequest request, Deadline deadline) {
        var swipe = new SwipeFacts(request.eventId());
        for (var attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            var decision = new EntryPolicy(swipe, clock).decide(request);
            if (decision.employeeId() == null || decision.buildingId() == null) {
                return recorded(decision, request, deadline);
            }
            if (!decision.granted()) {
                if (decision.reason() == DecisionReason.ANTI_PASSBACK && !swipe.fresh) {
                    swipe.readFresh(decision.employeeId(), decision.buildingId());
                    continue;
                }
                return recorded(decision, request, deadline);
            }
            var read = swipe.presenceRead(decision.employeeId(), decision.buildingId());
            var next = decision.presenceAfter(read);
            if (next.isEmpty()) {
                return read.records(request.eventId()) ? decision : recorded(decision, request, deadline);
            }
            inTime(request, deadline);
            if (log.commitPassage(read, next.get(), decision.toEvent())) {
                return decision;
            }
            swipe.readFresh(decision.employeeId(), decision.buildingId());
        }
        throw new PresenceContentionException(request.eventId(), MAX_ATTEMPTS);
    }

    /** A decision that moves no presence, in its one write. */
    private Decision recorded(Decision decision, EntryRequest request, Deadline deadline) {
        inTime(request, deadline);
        log.record(decision.toEvent());
        return decision;
    }

    /** Every write waits on this: a swipe whose reader stopped waiting commits nothing, and nothing reaches the stream. */
    private void inTime(EntryRequest request, Deadline deadline) {
        if (deadline.passed(clock)) {
            throw new DeadlinePassedException(request.eventId(), deadline);
        }
    }

    /**
     * The facts as this swipe sees them: presence recalled until a fresh read is asked for, and the swipe's own
     * recorded passage taken back out (see the class comment).
     */
    private final class SwipeFacts implements AccessFacts {

        private final String eventId;
        private Presence stored;
        private boolean fresh;

        SwipeFacts(String eventId) {
            this.eventId = eventId;
        }

        void readFresh(String employeeId, String buildingId) {
            stored = presences.find(employeeId, buildingId).orElseGet(() -> Presence.unknown(employeeId, buildingId));
            fresh = true;
        }

        /** The stored presence the decision was made on, which a write must find unchanged. */
        Presence presenceRead(String employeeId, String buildingId) {
            if (stored == null
                    || !stored.employeeId().equals(employeeId)
                    || !stored.buildingId().equals(buildingId)) {
                stored = presences
                        .recall(employeeId, buildingId)
                        .orElseGet(() -> Presence.unknown(employeeId, buildingId));
            }
            return stored;
        }

        @Override
        public Optional<Presence> presence(String employeeId, String buildingId) {
            var read = presenceRead(employeeId, buildingId);
            return read.records(eventId) ? Optional.empty() : Optional.of(read);
        }

        @Override
        public Optional<Door> door(String doorId) {
            return facts.door(doorId);
        }

        @Override
        public Optional<Building> building(String buildingId) {
            return facts.building(buildingId);
        }

        @Override
        public Optional<Card> cardByNumber(String cardNumber) {
            return facts.cardByNumber(cardNumber);
        }

        @Override
        public Optional<Employee> employee(String employeeId) {
            return facts.employee(employeeId);
        }

        @Override
        public Optional<AccessGrant> grant(String employeeId, String buildingId) {
            return facts.grant(employeeId, buildingId);
        }

        @Override
        public AntiPassback antiPassback(String buildingId) {
            return facts.antiPassback(buildingId);
        }
    }
}
