package io.badgeflow.model.door;

import java.time.Clock;
import java.util.Objects;

/**
 * Accepts a swipe from a door device: proves the device by its key, then hands the event to the stream.
 * An unknown door fails like an unknown key, whatever key is presented, so the answer reveals neither which doors
 * exist nor whether a key is valid. The key of another existing door is told apart, since only a real device
 * holds one and it needs to learn that it is configured for the wrong door.
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

    /**
     * @throws UnknownDeviceException the door is unknown, or no door has the key presented (or none was)
     * @throws WrongDoorException the door exists and the key is another door's
     */
    public Door authenticate(String doorId, DeviceKey presented) {
        var remembered = doors.find(doorId);
        if (remembered.isEmpty()) {
            // Not read again: the registry has just looked (or remembers looking) and a made-up door id must cost
            // one read at most. A door registered a moment ago is the registry's to learn, as a rotated key is.
            // Before any key lookup: a valid key on a made-up door id must not be told apart from a wrong key.
            throw new UnknownDeviceException();
        }
        if (remembered.get().accepts(presented)) {
            return remembered.get();
        }
        var stored = doors.reload(doorId);
        if (stored.isEmpty()) {
            throw new UnknownDeviceException();
        }
        if (stored.get().accepts(presented)) {
            return stored.get();
        }
        // The index may still name this very door for a key it has just rotated away from: that is no wrong door.
        if (presented != null
                && doors.findByKey(DeviceKeyHash.of(presented))
                        .filter(other -> !other.doorId().equals(doorId))
                        .isPresent()) {
            throw new WrongDoorException(doorId);
        }
        throw new UnknownDeviceException();
    }

    public SwipeRecorded accept(String doorId, DeviceKey presented, Swipe swipe) {
        return accept(authenticate(doorId, presented), swipe);
    }

    /** Hands the swipe of a door already {@linkplain #authenticate authenticated} to the stream. */
    public SwipeRecorded accept(Door door, Swipe swipe) {
        var event = new SwipeRecorded(
                swipe.eventId(),
                door.doorId(),
                door.buildingId(),
                swipe.cardNumber(),
                swipe.direction(),
                swipe.occurredAt(),
                clock.instant());
        stream.publish(event);
        return event;
    }
}
