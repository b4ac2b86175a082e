package io.badgeflow.model.door;

/**
 * Why a door opened or stayed shut, one code per decision. The codes are part of the wire contract (decision
 * answers, stream events, audit rows): add new ones, never rename one.
 */
public enum DecisionReason {
    /** Every entry rule passed (under SOFT anti-passback possibly with an alarm). */
    GRANTED,
    /** A passage out: always allowed, for safety, and recorded. */
    EXIT,
    /** The door, or the building it belongs to, is not known. */
    UNKNOWN_DOOR,
    /** An entry at a reader that only lets people out. */
    DIRECTION_NOT_SUPPORTED,
    /** No card has the number the reader saw. */
    UNKNOWN_CARD,
    /** A "can they enter" question about an employee who holds no current card; never the answer to a swipe. */
    NO_CARD,
    /** The card is known but not ACTIVE; the decision carries its status. */
    CARD_NOT_ACTIVE,
    /** The moment lies outside the card's validity window, before it opens or after it closes. */
    CARD_EXPIRED,
    /** The card's employee is INACTIVE, OFFBOARDED or not known at all. */
    EMPLOYEE_INACTIVE,
    /**
     * A visitor outside the days of the visit, or a contractor after the end date, read in the building's time
     * zone: their access ends by itself.
     */
    AFFILIATION_NOT_IN_FORCE,
    /** No grant for the door's building, or the grant is not in force on that date. */
    NO_ACCESS_TO_BUILDING,
    /** A grant is in force, but its schedule does not cover the moment in the building's time zone. */
    OUTSIDE_SCHEDULE,
    /** A re-entry while the person is inside, refused by the building's anti-passback mode. */
    ANTI_PASSBACK
}
