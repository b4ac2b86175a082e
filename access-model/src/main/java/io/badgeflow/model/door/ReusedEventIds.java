package io.badgeflow.model.door;

/** Port: what is done when an event id comes again with another payload (record it, alarm the operators). */
public interface ReusedEventIds {

    /**
     * @param first what the id was first answered for
     * @param repeat what it came with again
     */
    void report(SwipeAtDoor first, SwipeAtDoor repeat);
}
