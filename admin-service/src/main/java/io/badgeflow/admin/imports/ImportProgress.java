package io.badgeflow.admin.imports;

import io.badgeflow.model.onboarding.ImportStatus;

/** Where an import stands as the API tells it: the ledger's statuses, and PENDING before card-events starts. */
public enum ImportProgress {
    /** The file is stored; card-events has not started on it yet. */
    PENDING,
    /** The dry run is done: the plan waits for an admin to apply it ({@code POST .../apply}). */
    PLANNED,
    /** The confirmed plan is being applied. */
    RUNNING,
    COMPLETED,
    REJECTED;

    static ImportProgress of(ImportStatus status) {
        return switch (status) {
            case PLANNED -> PLANNED;
            case RUNNING -> RUNNING;
            case COMPLETED -> COMPLETED;
            case REJECTED -> REJECTED;
        };
    }
}
