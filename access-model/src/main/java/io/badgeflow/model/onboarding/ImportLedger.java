package io.badgeflow.model.onboarding;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where imports keep their plan, their progress and their row results. Every write is keyed by the import
 * and the batch, so a redelivered import rewrites what it wrote before instead of counting twice.
 */
public interface ImportLedger {

    Optional<ImportSummary> find(String importId);

    /**
     * Imports newest first (by when they were planned or rejected), with their counts; imports expire with their
     * reports.
     */
    Page<ImportSummary> recent(PageRequest page);

    /**
     * Stores the dry run's plan (replacing an earlier plan of the same import) and marks the import PLANNED.
     *
     * @param reason why the import was planned again, null for its first plan
     */
    void planned(
            String importId,
            String objectKey,
            ImportSource source,
            SyncPlan plan,
            String planKey,
            String reason,
            Instant at);

    /** The stored plan's rows, in plan order. */
    List<PlanRow> plan(String importId);

    /**
     * Moves a PLANNED import whose plan has {@code fingerprint} to RUNNING, once.
     *
     * @return false when the import was not PLANNED with that plan (already running, or planned again)
     */
    boolean applying(String importId, String fingerprint, String confirmedBy, boolean limitOverridden, Instant at);

    Set<Integer> finishedBatches(String importId);

    void batchFinished(String importId, int batch, List<RowResult> results);

    /** Every row result written so far, by row number. */
    List<RowResult> results(String importId);

    void completed(String importId, String reportKey, Instant at);

    void rejected(String importId, String objectKey, ImportSource source, String reason, Instant at);
}
