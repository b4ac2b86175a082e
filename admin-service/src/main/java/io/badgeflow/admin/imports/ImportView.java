package io.badgeflow.admin.imports;

import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import java.time.Instant;
import java.util.List;

/**
 * The API's view of one import: its progress, the counts of applied and rejected rows, why the whole file was
 * rejected ({@code reason}), and once COMPLETED where to download the per-row report ({@code reportUrl}); who
 * uploaded it ({@code uploadedBy}, a token subject or {@code imports-bucket}, and {@code uploadedByName}) and the
 * file's name as uploaded ({@code fileName}, null when the upload had none).
 */
public record ImportView(
        String importId,
        ImportProgress status,
        String objectKey,
        String fileName,
        String uploadedBy,
        String uploadedByName,
        int rowsTotal,
        int applied,
        int rejected,
        Instant startedAt,
        Instant finishedAt,
        String reason,
        String reportUrl) {

    static ImportView of(ImportSummary summary, PeopleNames.Known names) {
        var report = summary.status() == ImportStatus.COMPLETED && summary.reportKey() != null
                ? ImportController.reportPath(summary.importId())
                : null;
        return new ImportView(
                summary.importId(),
                ImportProgress.of(summary.status()),
                summary.objectKey(),
                summary.fileName(),
                summary.uploadedBy(),
                names.staffName(summary.uploadedBy()),
                summary.rowsTotal(),
                summary.applied(),
                summary.rejected(),
                summary.startedAt(),
                summary.finishedAt(),
                summary.reason(),
                report);
    }

    /** The views of a page of imports, their uploaders named (one cached lookup per distinct uploader). */
    static List<ImportView> of(List<ImportSummary> summaries, PeopleNames people) {
        var names = people.of(
                List.of(), summaries.stream().map(ImportSummary::uploadedBy).toList());
        return summaries.stream().map(summary -> of(summary, names)).toList();
    }

    static ImportView pending(String importId) {
        return new ImportView(
                importId,
                ImportProgress.PENDING,
                ImportFiles.objectKey(importId),
                null,
                null,
                null,
                0,
                0,
                0,
                null,
                null,
                null,
                null);
    }
}
