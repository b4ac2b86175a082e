package io.badgeflow.model.onboarding;

import java.time.Instant;
import java.util.Objects;

/**
 * An import's progress as {@code GET /api/v1/imports/{id}} shows it.
 *
 * @param reason why the file was rejected, when it was
 * @param reportKey where the per-row report is, once completed
 * @param uploadedBy who uploaded the file (a token subject, or {@code imports-bucket}), null when not recorded
 * @param fileName the uploaded file's name, null when the upload had none
 * @param plan what the dry run found, null for an import rejected as a whole
 * @param planKey where the plan's CSV is in the reports bucket
 * @param confirmedBy who confirmed the plan, once confirmed
 * @param confirmedAt when the plan was checked against the people and its applying began; the commands carry it
 * @param limitOverridden whether the confirmation overrode the safety limit
 */
public record ImportSummary(
        String importId,
        String objectKey,
        ImportStatus status,
        int rowsTotal,
        int applied,
        int rejected,
        Instant startedAt,
        Instant finishedAt,
        String reason,
        String reportKey,
        String uploadedBy,
        String fileName,
        PlanCounts plan,
        String planKey,
        String confirmedBy,
        Instant confirmedAt,
        boolean limitOverridden) {

    public ImportSummary {
        Objects.requireNonNull(importId, "importId");
        Objects.requireNonNull(status, "status");
    }
}
