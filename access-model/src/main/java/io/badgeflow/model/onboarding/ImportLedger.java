package io.badgeflow.model.onboarding;

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
     * Records that the import began, once; a later call for the same import changes nothing.
     *
     * @return when the import first began (the time of a redelivered import's first run)
     */
    Instant started(String importId, String objectKey, int rowsTotal, Instant at);

    Set<Integer> finishedBatches(String importId);

    void batchFinished(String importId, int batch, List<RowResult> results);

    /** Every row result written so far, by row number. */
    List<RowResult> results(String importId);

    void completed(String importId, String reportKey, Instant at);

    void rejected(String importId, String objectKey, String reason, Instant at);
}
