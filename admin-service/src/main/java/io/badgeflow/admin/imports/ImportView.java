package io.badgeflow.admin.imports;

import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import java.time.Instant;

/**
 * The API's view of one import: its progress, the counts of applied and rejected rows, why the whole file was
 * rejected ({@code reason}), and once COMPLETED where to download the per-row report ({@code reportUrl}).
 */
public record ImportView(
        String importId,
        ImportProgress status,
        String objectKey,
        int rowsTotal,
        int applied,
        int rejected,
        Instant startedAt,
        Instant finishedAt,
        String reason,
        String reportUrl) {

    static ImportView of(ImportSummary summary) {
        var report = summary.status() == ImportStatus.COMPLETED && summary.reportKey() != null
                ? ImportController.reportPath(summary.importId())
                : null;
        return new ImportView(
                summary.importId(),
                ImportProgress.of(summary.status()),
                summary.objectKey(),
                summary.rowsTotal(),
                summary.applied(),
                summary.rejected(),
                summary.startedAt(),
                summary.finishedAt(),
                summary.reason(),
                report);
    }

    static ImportView pending(String importId) {
        return new ImportView(
                importId, ImportProgress.PENDING, ImportFiles.objectKey(importId), 0, 0, 0, null, null, null, null);
    }
}
