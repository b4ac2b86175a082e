package io.badgeflow.aws.parking;

/** Why a stream record was parked; wire values (the API and the metric tag show them), never renamed. */
public enum ParkReason {
    /** Not JSON, or JSON that is not an object. */
    MALFORMED,
    /** JSON without a known {@code type}. */
    UNKNOWN_TYPE,
    /** A known type with a missing or invalid field (e.g. no event id). */
    INVALID_FIELD,
    /** Larger than any door event can be; not even read. */
    OVERSIZED,
    /** Read, but the store refused it for good (a 4xx that is neither throttling nor a missing table). */
    REJECTED_BY_STORE
}
