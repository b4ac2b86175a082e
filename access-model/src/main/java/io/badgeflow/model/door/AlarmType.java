package io.badgeflow.model.door;

import io.badgeflow.model.card.CardStatus;
import java.util.Optional;

/**
 * What security operators are alerted to. Decisions raise the card and anti-passback alarms themselves; door
 * state events raise the door ones; REPEATED_DENIALS is counted by the stream consumer over many decisions;
 * EVENT_ID_REUSED and ALLOW_LIST_STALE are raised by the door API itself.
 */
public enum AlarmType {
    ANTI_PASSBACK,
    UNKNOWN_CARD,
    REVOKED_CARD_USED,
    LOST_CARD_USED,
    SUSPENDED_CARD_USED,
    DOOR_FORCED,
    DOOR_HELD_OPEN,
    REPEATED_DENIALS,
    /** An event id sent again with another card, door, direction or time: refused at the door API. */
    EVENT_ID_REUSED,
    /**
     * A door's offline allow-list was last confirmed current longer ago than the setting: offline, it would decide
     * without the revocations since. Raised by the door API (docs/decisions/0016).
     */
    ALLOW_LIST_STALE;

    /** The alarm a card in {@code status} raises when presented, if any: in stock or superseded raises none. */
    public static Optional<AlarmType> forCardUsedIn(CardStatus status) {
        return switch (status) {
            case REVOKED -> Optional.of(REVOKED_CARD_USED);
            case LOST -> Optional.of(LOST_CARD_USED);
            case SUSPENDED -> Optional.of(SUSPENDED_CARD_USED);
            case ISSUED, ACTIVE, SUPERSEDED -> Optional.empty();
        };
    }
}
