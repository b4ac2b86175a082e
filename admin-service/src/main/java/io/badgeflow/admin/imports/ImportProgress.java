package io.badgeflow.admin.imports;

import io.badgeflow.model.onboarding.ImportStatus;

/** Where an import stands as the API tells it: the ledger's statuses, and PENDING before card-events starts. */
public enum ImportProgress {
    /** The file is stored; card-events has not started on it yet. */
    PENDING,
    RUNNING,
    COMPLETED,
    REJECTED;

    static ImportProgress of(ImportStatus status) {
        return switch (status) {
            case RUNNING -> RUNNING;
            case COMPLETED -> COMPLETED;
            case REJECTED -> REJECTED;
        };
    }
}
