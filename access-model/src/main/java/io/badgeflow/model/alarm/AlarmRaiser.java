package io.badgeflow.model.alarm;

import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Raises the alarms of door events consumed from the stream, each published once in effect. An event recorded
 * for the first time publishes its own alarms without asking the ledger (nothing can have published them yet);
 * a redelivered or replayed event publishes only those the ledger has not marked, which covers a crash or a
 * failed publish between storing the event and publishing. An alarm is marked after it was published, so a
 * crash in between publishes it again with the same id, for subscribers to drop.
 */
public final class AlarmRaiser {

    private final AlarmLedger ledger;
    private final AlarmPublisher publisher;
    private final RepeatedDenials repeatedDenials;
    private final Clock clock;

    public AlarmRaiser(AlarmLedger ledger, AlarmPublisher publisher, RepeatedDenials repeatedDenials, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.repeatedDenials = Objects.requireNonNull(repeatedDenials, "repeatedDenials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param first whether this delivery recorded the event for the first time
     * @return the alarms published by this call
     */
    public List<Alarm> raise(DoorEvent event, boolean first) {
        var now = clock.instant();
        var published = new ArrayList<Alarm>();
        for (var alarm : AlarmRules.alarmsOf(event, now)) {
            if (first || !ledger.published(alarm.alarmId())) {
                publish(alarm, published);
            }
        }
        if (event instanceof EntryDecided denial && AlarmRules.countsAsDenial(denial)) {
            var bucket = repeatedDenials.bucketStart(denial.occurredAt());
            var threshold = repeatedDenials.threshold();
            if (ledger.countDenial(denial.doorId(), bucket, denial.eventId(), threshold) >= threshold) {
                // One alarm per door and bucket, whichever denial reached the count; later ones find it marked.
                var alarm = AlarmRules.repeatedDenials(denial, bucket, now);
                if (!ledger.published(alarm.alarmId())) {
                    publish(alarm, published);
                }
            }
        }
        return published;
    }

    private void publish(Alarm alarm, List<Alarm> published) {
        publisher.publish(alarm);
        ledger.markPublished(alarm);
        published.add(alarm);
    }
}
