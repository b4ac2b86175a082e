package io.badgeflow.model.onboarding;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where imports keep their progress and row results. Every write is keyed by the import and the batch,
 * so a redelivered import rewrites what it wrote before instead of counting twice.
 */
public interface ImportLedger {

    Optional<ImportSummary> find(String importId);

    /**
     * Imports newest first (by when they started or were rejected), with their counts; imports expire with their
     * reports.
     */
    Page<ImportSummary> recent(PageRequest page);

    /**
     * Records that the import began, once; a later call for the same import changes nothing.
     *
     * @return when the import first began (the time of a redelivered import's first run)
     */
    Instant started(String importId, String objectKey, ImportSource source, int rowsTotal, Instant at);

    Set<Integer> finishedBatches(String importId);

    void batchFinished(String importId, int batch, List<RowResult> results);

    /** Every row result written so far, by row number. */
    List<RowResult> results(String importId);

    void completed(String importId, String reportKey, Instant at);

    void rejected(String importId, String objectKey, ImportSource source, String reason, Instant at);
}
