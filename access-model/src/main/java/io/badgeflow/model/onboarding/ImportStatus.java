package io.badgeflow.model.onboarding;

/** Where an import stands. */
public enum ImportStatus {
    /** The dry run is done: the plan waits for an admin's confirmation; nothing has been applied. */
    PLANNED,
    /** The confirmed plan is being applied; the counts grow batch by batch. */
    RUNNING,
    /** Every row of the plan is APPLIED or REJECTED and the report is written. */
    COMPLETED,
    /** The file could not be read as an import at all; no row was applied. */
    REJECTED
}
