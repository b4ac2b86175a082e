package io.badgeflow.model.onboarding;

/** Where an import stands. */
public enum ImportStatus {
    /** Rows are being applied; the counts grow batch by batch. */
    RUNNING,
    /** Every row is APPLIED or REJECTED and the report is written. */
    COMPLETED,
    /** The file could not be read as an import at all; no row was applied. */
    REJECTED
}
