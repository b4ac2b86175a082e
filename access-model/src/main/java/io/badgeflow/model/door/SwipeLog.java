package io.badgeflow.model.door;

/** Port: the stored door events, for audit. The first record of an event id is kept; later ones change nothing. */
public interface SwipeLog {

    /** @return true when this was the first record of the event, false for a redelivery or replay */
    boolean record(DoorEvent event);
}
