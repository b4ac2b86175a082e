package io.badgeflow.model.access;

/**
 * A swipe lost the race for its person's presence {@code attempts} times in a row: nothing was answered or
 * recorded, and the reader may retry it with the same event id.
 */
public final class PresenceContentionException extends RuntimeException {

    public PresenceContentionException(String eventId, int attempts) {
        super("the presence for event " + eventId + " moved under " + attempts + " attempts");
    }
}
