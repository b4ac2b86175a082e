package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.DECIDED_AT;
import static io.badgeflow.model.access.Site.TUESDAY_9;
import static io.badgeflow.model.access.Site.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.presence.Presence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A swipe whose reader has stopped waiting commits nothing: the deadline is checked right before each write. */
class EntryDeadlineTests {

    private final InMemoryAccessFacts facts = Site.standard();
    private final FactsLedger ledger = new FactsLedger(facts);
    private final FactsDecisionLog log = new FactsDecisionLog(ledger);
    private final List<DoorEvent> published = log.stream;

    private EntryDecisions decisionsAt(Clock clock) {
        return new EntryDecisions(facts, ledger, log, clock);
    }

    @Test
    void dropsAGrantWhoseDeadlinePassedWithoutWritingOrPublishing() {
        var decisions = decisionsAt(Clock.fixed(DECIDED_AT, ZoneOffset.UTC));
        var request = in(TUESDAY_9);

        assertThatThrownBy(() -> decisions.decide(request, new Deadline(DECIDED_AT)))
                .isInstanceOfSatisfying(
                        DeadlinePassedException.class,
                        e -> assertThat(e.eventId()).isEqualTo(request.eventId()));
        assertThat(ledger.writes).isZero();
        assertThat(published).isEmpty();
        assertThat(facts.presenceOf("emp-1", "HQ")).isEqualTo(Presence.unknown("emp-1", "HQ"));
    }

    @Test
    void commitsAGrantWhileItsDeadlineIsAhead() {
        var decisions = decisionsAt(Clock.fixed(DECIDED_AT, ZoneOffset.UTC));
        var request = in(TUESDAY_9);

        var decision = decisions.decide(request, new Deadline(DECIDED_AT.plusMillis(1)));

        assertThat(decision.reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(facts.presenceOf("emp-1", "HQ").lastEventId()).isEqualTo(request.eventId());
        assertThat(published).extracting(DoorEvent::eventId).containsExactly(request.eventId());
    }

    @Test
    void dropsARefusalWhoseDeadlinePassedWithoutRecordingIt() {
        var decisions = decisionsAt(Clock.fixed(DECIDED_AT, ZoneOffset.UTC));
        var unknownCard = new EntryRequest("evt-x", "door-1", "9999", Direction.IN, TUESDAY_9);

        assertThatThrownBy(() -> decisions.decide(unknownCard, new Deadline(DECIDED_AT)))
                .isInstanceOf(DeadlinePassedException.class);
        assertThat(log.recorded).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void stopsRetryingALostRaceOnceTheDeadlinePasses() {
        ledger.alwaysMoved = true;
        var clock = new TickingClock(DECIDED_AT, Duration.ofMillis(1));
        var decisions = decisionsAt(clock);

        assertThatThrownBy(() -> decisions.decide(in(TUESDAY_9), new Deadline(DECIDED_AT.plusMillis(3))))
                .isInstanceOf(DeadlinePassedException.class);
        assertThat(ledger.writes).isPositive().isLessThan(EntryDecisions.MAX_ATTEMPTS);
        assertThat(published).isEmpty();
    }

    @Test
    void aDeadlinePassesAtItsInstantAndHasNothingLeftAfterIt() {
        var deadline = Deadline.after(DECIDED_AT, Duration.ofMillis(200));

        assertThat(deadline.passed(Clock.fixed(DECIDED_AT.plusMillis(199), ZoneOffset.UTC)))
                .isFalse();
        assertThat(deadline.passed(Clock.fixed(DECIDED_AT.plusMillis(200), ZoneOffset.UTC)))
                .isTrue();
        assertThat(deadline.remaining(Clock.fixed(DECIDED_AT.plusMillis(150), ZoneOffset.UTC)))
                .isEqualTo(Duration.ofMillis(50));
        assertThat(deadline.remaining(Clock.fixed(DECIDED_AT.plusSeconds(1), ZoneOffset.UTC)))
                .isZero();
        assertThat(Deadline.NONE.passed(Clock.systemUTC())).isFalse();
    }

    /** A clock that moves on by {@code tick} each time it is read, as time passes while a decision retries. */
    private static final class TickingClock extends Clock {

        private Instant now;
        private final Duration tick;

        TickingClock(Instant start, Duration tick) {
            this.now = start;
            this.tick = tick;
        }

        @Override
        public Instant instant() {
            var read = now;
            now = now.plus(tick);
            return read;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed by the decisions");
        }
    }
}
