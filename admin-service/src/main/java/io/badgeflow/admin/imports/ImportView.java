package io.badgeflow.admin.imports;

import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import io.badgeflow.model.onboarding.PlanCounts;
import java.time.Instant;
import java.util.List;

/**
 * The API's view of one import: its progress, the dry run's plan ({@code plan}: what applying it would do, and
 * where to read it: {@code planUrl} rows as JSON, {@code planCsvUrl} the CSV), the counts of applied and rejected
 * rows once applied, why the whole file was rejected or why it was planned again ({@code reason}), and once
 * COMPLETED where to download the per-row report ({@code reportUrl}); who uploaded it ({@code uploadedBy}, a token
 * subject or {@code imports-bucket}, and {@code uploadedByName}), the file's name as uploaded ({@code fileName},
 * null when the upload had none), and who confirmed the plan ({@code confirmedBy}, {@code limitOverridden}).
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
        String reportUrl,
        PlanView plan,
        String planUrl,
        String planCsvUrl,
        String confirmedBy,
        String confirmedByName,
        Instant confirmedAt,
        boolean limitOverridden) {

    /**
     * What the dry run found: people to create, update, offboard, leave unchanged, and rows rejected; the safety
     * limit ({@code offboardLimit} of {@code activePeople}); {@code fingerprint} names this plan, and applying it
     * sends it back.
     */
    public record PlanView(
            int create,
            int update,
            int offboard,
            int unchanged,
            int rejected,
            int activePeople,
            int offboardLimit,
            boolean limitExceeded,
            boolean fullExport,
            String fingerprint) {

        static PlanView of(PlanCounts counts) {
            return counts == null
                    ? null
                    : new PlanView(
                            counts.create(),
                            counts.update(),
                            counts.offboard(),
                            counts.unchanged(),
                            counts.rejected(),
                            counts.activePeople(),
                            counts.offboardLimit(),
                            counts.limitExceeded(),
                            counts.fullExport(),
                            counts.fingerprint());
        }
    }

    static ImportView of(ImportSummary summary, PeopleNames.Known names) {
        var report = summary.status() == ImportStatus.COMPLETED && summary.reportKey() != null
                ? ImportController.reportPath(summary.importId())
                : null;
        var planned = summary.plan() != null;
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
                report,
                PlanView.of(summary.plan()),
                planned ? ImportController.planPath(summary.importId()) : null,
                planned && summary.planKey() != null ? ImportController.planPath(summary.importId()) + "/csv" : null,
                summary.confirmedBy(),
                names.staffName(summary.confirmedBy()),
                summary.confirmedAt(),
                summary.limitOverridden());
    }

    /** The views of a page of imports, their uploaders named (one cached lookup per distinct uploader). */
    static List<ImportView> of(List<ImportSummary> summaries, PeopleNames people) {
        var staff = new java.util.ArrayList<String>();
        summaries.forEach(s -> {
            staff.add(s.uploadedBy());
            if (s.confirmedBy() != null) {
                staff.add(s.confirmedBy());
            }
        });
        var names = people.of(List.of(), staff);
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
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
    }
}
