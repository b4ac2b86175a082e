package io.badgeflow.model.onboarding;

import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.backoffice.BuildingCache;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs a bulk HR import: rows are cut into batches, batches run in parallel, and each row's commands are
 * applied together (all or nothing), so a bad row is rejected with its reason and never stops the others.
 * Each finished batch appends its commands to the admin audit trail and then records its row results; a
 * redelivered import skips the batches already recorded and redoes the rest, which the command log makes
 * harmless.
 */
public final class Onboarding {

    private final CommandApplier applier;
    private final ImportLedger ledger;
    private final ImportReports reports;
    private final AdminAuditTrail audit;
    private final Executor executor;
    private final int batchSize;
    private final Clock clock;

    public Onboarding(
            CommandApplier applier,
            ImportLedger ledger,
            ImportReports reports,
            AdminAuditTrail audit,
            Executor executor,
            int batchSize,
            Clock clock) {
        this.applier = Objects.requireNonNull(applier);
        this.ledger = Objects.requireNonNull(ledger);
        this.reports = Objects.requireNonNull(reports);
        this.audit = Objects.requireNonNull(audit);
        this.executor = Objects.requireNonNull(executor);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Applies every row not applied yet and writes the report.
     *
     * @throws RuntimeException when a batch failed for a reason that may pass (the store was unavailable):
     *         the import is retried and resumes after the batches it finished
     */
    public ImportSummary run(String importId, String objectKey, ImportSource source, List<ParsedRow> rows) {
        var actor = Objects.requireNonNull(source.uploadedBy(), "the uploader is the actor of every row's commands");
        var startedAt = ledger.started(importId, objectKey, source, rows.size(), clock.instant());
        var done = ledger.finishedBatches(importId);
        var buildings = new BuildingCache();
        var batches = new ArrayList<CompletableFuture<Void>>();
        for (var start = 0; start < rows.size(); start += batchSize) {
            var batch = start / batchSize;
            if (done.contains(batch)) {
                continue;
            }
            var slice = rows.subList(start, Math.min(rows.size(), start + batchSize));
            batches.add(CompletableFuture.runAsync(
                    () -> runBatch(importId, objectKey, actor, startedAt, batch, slice, buildings), executor));
        }
        try {
            CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        var reportKey = reports.write(importId, ledger.results(importId));
        ledger.completed(importId, reportKey, clock.instant());
        return ledger.find(importId).orElseThrow();
    }

    /** Records a file that cannot be an import (not CSV, wrong header, too large): no row is applied. */
    public void reject(String importId, String objectKey, ImportSource source, String reason) {
        ledger.rejected(importId, objectKey, source, reason, clock.instant());
    }

    private void runBatch(
            String importId,
            String objectKey,
            String actor,
            Instant occurredAt,
            int batch,
            List<ParsedRow> rows,
            BuildingCache buildings) {
        var results = new ArrayList<RowResult>();
        var entries = new ArrayList<AuditEntry>();
        for (var parsed : rows) {
            if (parsed.row() == null) {
                results.add(RowResult.rejected(
                        parsed.rowNumber(), RejectionReason.INVALID_FIELD.name(), parsed.error(), parsed.person()));
                continue;
            }
            var row = parsed.row();
            var records = applier.applyTogether(
                    row.commands(importId, actor, occurredAt), objectKey, buildings, row.mintedIds(importId));
            records.forEach(record -> entries.add(AuditEntry.of(record)));
            results.add(resultOf(row, importId, records));
        }
        for (var from = 0; from < entries.size(); from += AuditBlock.MAX_ENTRIES) {
            var chunk = entries.subList(from, Math.min(entries.size(), from + AuditBlock.MAX_ENTRIES));
            audit.append("import:" + importId + ":" + batch + ":" + from / AuditBlock.MAX_ENTRIES, chunk);
        }
        ledger.batchFinished(importId, batch, results);
    }

    private static RowResult resultOf(OnboardingRow row, String importId, List<CommandRecord> records) {
        var failed = records.stream()
                .filter(r -> r.status() == CommandStatus.REJECTED)
                .filter(r -> r.reason() != RejectionReason.GROUP_REJECTED)
                .findFirst();
        if (failed.isEmpty() && records.stream().allMatch(r -> r.status() == CommandStatus.APPLIED)) {
            return RowResult.applied(row.rowNumber(), row.employeeId(importId), RowPerson.of(row));
        }
        var culprit = failed.orElse(records.getFirst());
        return RowResult.rejected(row.rowNumber(), culprit.reason().name(), culprit.message(), RowPerson.of(row));
    }
}
