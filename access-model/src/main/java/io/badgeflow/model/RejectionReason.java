package io.badgeflow.model;

/** Why a command was refused for good. Codes are part of the API contract: add, never rename. */
public enum RejectionReason {
    MALFORMED_COMMAND,
    UNKNOWN_COMMAND,
    INVALID_FIELD,
    /** The document is larger than a command may be; it was not read. */
    DOCUMENT_TOO_LARGE,
    /** An update older than one already applied to the same record; the newer one stands. */
    STALE_UPDATE,
    EMPLOYEE_ALREADY_EXISTS,
    EMPLOYEE_NUMBER_TAKEN,
    EMPLOYEE_NOT_FOUND,
    EMPLOYEE_OFFBOARDED,
    EMPLOYEE_ALREADY_ACTIVE,
    EMPLOYEE_ALREADY_INACTIVE,
    /** The employee already holds a current (active or suspended) card; issue a new card to replace it. */
    EMPLOYEE_HAS_CARD,
    CARD_ALREADY_EXISTS,
    CARD_NUMBER_TAKEN,
    CARD_NOT_FOUND,
    /** The card is LOST, REVOKED or SUPERSEDED and never changes again. */
    CARD_TERMINAL,
    CARD_ALREADY_LINKED,
    CARD_NOT_LINKED,
    CARD_NOT_ACTIVE,
    CARD_NOT_SUSPENDED,
    BUILDING_ALREADY_EXISTS,
    BUILDING_NOT_FOUND,
    DOOR_ALREADY_EXISTS,
    DOOR_NOT_FOUND,
    GRANT_NOT_FOUND,
    TOO_MANY_GRANTS,
    /** Erasure asked for an employee who is not offboarded: offboard first. */
    EMPLOYEE_NOT_OFFBOARDED,
    /** The employee's personal data was erased; nothing about them changes any more. */
    EMPLOYEE_ERASED,
    /** A visitor's host is not an ACTIVE employee (a visitor or contractor hosts nobody). */
    HOST_NOT_ELIGIBLE,
    /** A visitor was to be let into a building their host has no grant for. */
    OUTSIDE_HOST_ACCESS,
    /** Applied together with another command (one import row) that was rejected, so not applied either. */
    GROUP_REJECTED
}
