package io.badgeflow.model.door;

import java.time.Clock;
import java.util.Objects;

/**
 * Accepts a swipe from a door device: proves the device by its key, then hands the event to the stream.
 * An unknown door and a wrong key fail alike, so the answer does not reveal which doors exist.
 */
public final class SwipeIntake {

    private final DoorRegistry doors;
    private final DoorEventStream stream;
    private final Clock clock;

    public SwipeIntake(DoorRegistry doors, DoorEventStream stream, Clock clock) {
        this.doors = Objects.requireNonNull(doors);
        this.stream = Objects.requireNonNull(stream);
        this.clock = Objects.requireNonNull(clock);
    }

    public Door authenticate(String doorId, DeviceKey presented) {
        return doors.find(doorId).filter(door -> door.accepts(presented)).orElseThrow(UnknownDeviceException::new);
    }

    public SwipeRecorded accept(String doorId, DeviceKey presented, Swipe swipe) {
        var door = authenticate(doorId, presented);
        var event = new SwipeRecorded(swipe.eventId(), door.doorId(), door.buildingId(), swipe.cardNumber(),
                swipe.direction(), swipe.occurredAt(), clock.instant());
        stream.publish(event);
        return event;
    }
}
