package io.badgeflow.model.door;

/**
 * An event id came again with another payload (card, door, direction or time): not a retry, so it gets no
 * answer; a reader with a broken id generator, or someone replaying ids to ride on an earlier answer.
 */
public final class EventIdReusedException extends RuntimeException {

    private final String eventId;

    public EventIdReusedException(String eventId) {
        super("event id " + eventId + " was used before for another swipe");
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
