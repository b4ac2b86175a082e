package io.badgeflow.accessstream.simulator;

import io.badgeflow.model.door.Direction;

/**
 * One thing the simulator does next: a card presented at a door, or a door forced open. {@code person} is the
 * population index of a regular cardholder, -1 for a card that is not one of theirs.
 */
record PlannedSwipe(Kind kind, int person, int door, String cardNumber, Direction direction) {

    enum Kind {
        /** A cardholder passing as they should. */
        REGULAR,
        /** A card number no one issued. */
        UNKNOWN_CARD,
        /** A card the simulator revoked at the start. */
        REVOKED_CARD,
        /** A second entry by someone already inside (anti-passback). */
        TAILGATE,
        /** The door's leaf opened without a passage: a state event put straight on the stream. */
        FORCED_DOOR
    }
}
