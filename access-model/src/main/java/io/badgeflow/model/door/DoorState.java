package io.badgeflow.model.door;

import java.util.Optional;

/** What a door's contact reports about the leaf itself, apart from any card. */
public enum DoorState {
    OPENED,
    CLOSED,
    /** Opened without a granted passage. */
    FORCED,
    /** Left open longer than the door allows. */
    HELD_OPEN;

    /** The alarm this state raises, if any. */
    public Optional<AlarmType> alarm() {
        return switch (this) {
            case FORCED -> Optional.of(AlarmType.DOOR_FORCED);
            case HELD_OPEN -> Optional.of(AlarmType.DOOR_HELD_OPEN);
            case OPENED, CLOSED -> Optional.empty();
        };
    }
}
