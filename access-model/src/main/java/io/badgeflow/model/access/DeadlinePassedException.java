package io.badgeflow.model.access;

/**
 * A swipe's deadline passed before its decision could commit: nothing was written or published, and the reader,
 * which has stopped waiting, may swipe again (or retry with the same event id).
 */
public final class DeadlinePassedException extends RuntimeException {

    private final String eventId;

    public DeadlinePassedException(String eventId, Deadline deadline) {
        super("the deadline of event " + eventId + " passed at " + deadline.at() + " before its decision committed");
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
