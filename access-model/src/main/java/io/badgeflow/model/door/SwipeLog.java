package io.badgeflow.model.door;

import java.util.List;
import java.util.Set;

/** Port: the stored door events, for audit. The first record of an event id is kept; later ones change nothing. */
public interface SwipeLog {

    /** @return true when this was the first record of the event, false for a redelivery or replay */
    default boolean record(DoorEvent event) {
        return recordAll(List.of(event)).contains(event.eventId());
    }

    /**
     * Records a batch of events in as few round trips as the store allows; an event id repeated within the batch
     * is recorded once, as it first appears.
     *
     * @return the ids of the events recorded for the first time (the others were recorded before)
     */
    Set<String> recordAll(List<DoorEvent> events);
}
