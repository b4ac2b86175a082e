package io.badgeflow.model.alarm;

import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.ReusedEventIds;
import io.badgeflow.model.door.SwipeAtDoor;
import java.time.Clock;
import java.util.Objects;

/**
 * Raises EVENT_ID_REUSED when an event id comes again with another payload: stored in the alarm ledger first, so
 * an auditor finds it even when the topic is down, then published to the operators. The alarm names the repeat
 * (its door, card and time); the first use is the stored event of the same id. Its id is derived from the
 * repeat's payload, so the same forged request sent again names the same alarm.
 */
public final class EventIdReuseAlarms implements ReusedEventIds {

    private final AlarmLedger ledger;
    private final AlarmPublisher publisher;
    private final Clock clock;

    public EventIdReuseAlarms(AlarmLedger ledger, AlarmPublisher publisher, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void report(SwipeAtDoor first, SwipeAtDoor repeat) {
        var alarm = alarmOf(repeat);
        RuntimeException failure = null;
        try {
            ledger.markPublished(alarm);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            publisher.publish(alarm);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    Alarm alarmOf(SwipeAtDoor repeat) {
        return new Alarm(
                Alarm.reusedEventIdOf(repeat.toString()),
                AlarmType.EVENT_ID_REUSED,
                repeat.doorId(),
                repeat.buildingId(),
                repeat.eventId(),
                repeat.cardNumber(),
                null,
                null,
                repeat.occurredAt(),
                clock.instant());
    }
}
