package io.badgeflow.model.door;

/** Port: the stored swipes. Recording the same event id again changes nothing. */
public interface SwipeLog {

    void record(SwipeRecorded swipe);
}
