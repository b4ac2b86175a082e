package io.badgeflow.accessstream.stream;

import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.SwipeLog;
import io.badgeflow.model.door.SwipeRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Applies one door event from the stream. Idempotent, because the stream delivers at least once: the swipe log
 * keys a swipe by its event id, so a redelivered event rewrites its own row.
 */
@Component
public class DoorEventHandler {

    private final SwipeLog swipes;
    private final Counter applied;

    public DoorEventHandler(SwipeLog swipes, MeterRegistry meters) {
        this.swipes = swipes;
        this.applied = Counter.builder("badgeflow.stream.events.applied")
                .description("Door events from the swipe stream stored in the swipes table").register(meters);
    }

    public void handle(DoorEvent event) {
        switch (event) {
            case SwipeRecorded swipe -> swipes.record(swipe);
            // Nothing puts these yet; the slice that wires decisions, presence and alarms applies them.
            case EntryDecided decided -> {
                return;
            }
            case ExitRecorded exit -> {
                return;
            }
            case DoorStateChanged state -> {
                return;
            }
        }
        applied.increment();
    }
}
