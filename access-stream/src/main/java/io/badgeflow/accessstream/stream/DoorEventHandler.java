package io.badgeflow.accessstream.stream;

import io.badgeflow.model.access.PresenceProjector;
import io.badgeflow.model.alarm.AlarmRaiser;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.SwipeLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies door events from the stream: the audit rows and presence first (a batch at a time), then per event its
 * alarms. Idempotent,
 * because the stream delivers at least once: the swipe log keeps the first record of an event id and says
 * whether this was it, and presence recognises a passage it already records. Presence is applied even for a
 * redelivery, since the first delivery may have failed between the two writes; alarms likewise, where the
 * alarm ledger says a redelivered event's alarm has not gone out yet (docs/decisions/0010).
 */
public class DoorEventHandler {

    private final SwipeLog swipes;
    private final PresenceProjector presence;
    private final AlarmRaiser alarms;
    private final Counter applied;
    private final Counter repeated;

    public DoorEventHandler(SwipeLog swipes, PresenceProjector presence, AlarmRaiser alarms, MeterRegistry meters) {
        this.swipes = swipes;
        this.presence = presence;
        this.alarms = alarms;
        this.applied = Counter.builder("badgeflow.stream.events.applied")
                .description("Door events from the stream recorded for the first time")
                .register(meters);
        this.repeated = Counter.builder("badgeflow.stream.events.repeated")
                .description("Door events from the stream recorded before (redelivered or replayed)")
                .register(meters);
    }

    /**
     * The first step for a batch: stores the audit rows of all its events and applies the passages among them to
     * presence, each in a few batched calls.
     *
     * @return the ids of the events recorded for the first time, a set safe to change from several threads: take
     *     an id out as its event is applied, so an event put twice in the batch is first only once
     */
    public Set<String> record(List<DoorEvent> events) {
        var first = ConcurrentHashMap.<String>newKeySet();
        first.addAll(swipes.recordAll(events));
        presence.applyAll(events);
        return first;
    }

    /** The second step, event by event in stream order per partition key: the alarms. */
    public void apply(DoorEvent event, boolean first) {
        alarms.raise(event, first);
        (first ? applied : repeated).increment();
    }
}
