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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * An HR sync in two steps. {@link #plan} is the dry run: the file is reconciled with the people as they are now and
 * the plan stored; nothing is applied. {@link #apply} carries out a confirmed plan, but only the plan the people
 * still lead to: it reconciles the file again on fresh reads, and if the new plan's fingerprint differs from the
 * confirmed one (someone was changed, joined or left meanwhile) nothing is applied and the new plan waits for a
 * confirmation of its own. A confirmed plan is applied offboardings first (they free numbers and cards), then
 * updates, then creations, each phase in parallel batches whose rows' commands apply together (all or nothing per
 * person). Each finished batch appends its commands to the admin audit trail and records its results; a
 * redelivered confirmation resumes after the batches finished, and the redone ones' commands are recognised by
 * the command log.
 */
public final class HrSync {

    /** Rows per recorded batch of rows with nothing to apply (a ledger item holds at most 400 KB). */
    private static final int PASSIVE_BATCH = 500;

    private static final List<PlanAction> PHASES = List.of(PlanAction.OFFBOARD, PlanAction.UPDATE, PlanAction.CREATE);

    private final CommandApplier applier;
    private final Roster roster;
    private final ImportLedger ledger;
    private final ImportReports reports;
    private final AdminAuditTrail audit;
    private final Executor executor;
    private final int batchSize;
    private final double maxOffboardShare;
    private final Clock clock;

    public HrSync(
            CommandApplier applier,
            Roster roster,
            ImportLedger ledger,
            ImportReports reports,
            AdminAuditTrail audit,
            Executor executor,
            int batchSize,
            double maxOffboardShare,
            Clock clock) {
        this.applier = Objects.requireNonNull(applier);
        this.roster = Objects.requireNonNull(roster);
        this.ledger = Objects.requireNonNull(ledger);
        this.reports = Objects.requireNonNull(reports);
        this.audit = Objects.requireNonNull(audit);
        this.executor = Objects.requireNonNull(executor);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        if (maxOffboardShare < 0 || maxOffboardShare > 1) {
            throw new IllegalArgumentException("maxOffboardShare is a share, 0 to 1");
        }
        this.batchSize = batchSize;
        this.maxOffboardShare = maxOffboardShare;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The dry run. An import planned before (a redelivered notification) keeps its plan and state.
     *
     * @throws RuntimeException when a store is unavailable: the notification is retried
     */
    public ImportSummary plan(
            String importId, String objectKey, ImportSource source, List<ParsedRow> rows, SyncOptions options) {
        var known = ledger.find(importId);
        if (known.isPresent()) {
            return known.get();
        }
        var plan = Reconciliation.plan(importId, rows, roster.everyone(), options, maxOffboardShare);
        var planKey = reports.writePlan(importId, plan);
        ledger.planned(importId, objectKey, source, plan, planKey, null, clock.instant());
        return ledger.find(importId).orElseThrow();
    }

    /**
     * Applies the confirmed plan if the people still lead to it, else plans again (see the class comment). A
     * confirmation of a plan that is no longer the import's, or of an import finished, changes nothing.
     *
     * @param rows the import's file, read again
     */
    public ImportSummary apply(
            ImportConfirmation confirmation, ImportSource source, List<ParsedRow> rows, SyncOptions options) {
        var importId = confirmation.importId();
        var summary = ledger.find(importId);
        if (summary.isEmpty()) {
            throw new IllegalStateException("import " + importId + " was confirmed but never planned");
        }
        var current = summary.get();
        if (current.status() == ImportStatus.RUNNING) {
            return run(current);
        }
        if (current.status() != ImportStatus.PLANNED
                || !confirmation.fingerprint().equals(current.plan().fingerprint())) {
            return current;
        }
        var fresh = Reconciliation.plan(importId, rows, roster.everyone(), options, maxOffboardShare);
        var at = clock.instant();
        if (!fresh.counts().fingerprint().equals(confirmation.fingerprint())) {
            var planKey = reports.writePlan(importId, fresh);
            ledger.planned(
                    importId,
                    current.objectKey(),
                    source,
                    fresh,
                    planKey,
                    "planned again at " + at + ": the people changed since plan " + confirmation.fingerprint()
                            + " was made, so it was not applied; review this plan and confirm it",
                    at);
            return ledger.find(importId).orElseThrow();
        }
        if (fresh.counts().limitExceeded() && !confirmation.overrideLimit()) {
            return current;
        }
        ledger.applying(
                importId, confirmation.fingerprint(), confirmation.confirmedBy(), confirmation.overrideLimit(), at);
        var running = ledger.find(importId).orElseThrow();
        return running.status() == ImportStatus.RUNNING ? run(running) : running;
    }

    /** Records a file that cannot be an import (not CSV, wrong header, too large): no row is planned. */
    public void reject(String importId, String objectKey, ImportSource source, String reason) {
        ledger.rejected(importId, objectKey, source, reason, clock.instant());
    }

    private ImportSummary run(ImportSummary summary) {
        var importId = summary.importId();
        var actor = Objects.requireNonNull(summary.confirmedBy(), "the confirming admin is the actor");
        var occurredAt = Objects.requireNonNull(summary.confirmedAt(), "confirmedAt");
        var rows = ledger.plan(importId);
        var done = ledger.finishedBatches(importId);
        var buildings = new BuildingCache();
        var batch = 0;
        for (var phase : PHASES) {
            var phaseRows = rows.stream().filter(r -> r.action() == phase).toList();
            var batches = new ArrayList<CompletableFuture<Void>>();
            for (var start = 0; start < phaseRows.size(); start += batchSize, batch++) {
                if (done.contains(batch)) {
                    continue;
                }
                var number = batch;
                var slice = phaseRows.subList(start, Math.min(phaseRows.size(), start + batchSize));
                batches.add(CompletableFuture.runAsync(
                        () -> runBatch(importId, summary.objectKey(), actor, occurredAt, number, slice, buildings),
                        executor));
            }
            try {
                CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new))
                        .join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        // rows with nothing to apply are recorded as batches too, so the counts and the report hold every row
        var passive = rows.stream()
                .filter(r -> !r.isActionable())
                .map(HrSync::passive)
                .toList();
        for (var start = 0; start < passive.size(); start += PASSIVE_BATCH, batch++) {
            if (!done.contains(batch)) {
                ledger.batchFinished(
                        importId, batch, passive.subList(start, Math.min(passive.size(), start + PASSIVE_BATCH)));
            }
        }
        var results = new ArrayList<>(ledger.results(importId));
        results.sort(Comparator.comparingInt(RowResult::rowNumber)
                .thenComparing(r -> Optional.ofNullable(r.employeeNumber()).orElse("")));
        var reportKey = reports.write(importId, results);
        ledger.completed(importId, reportKey, clock.instant());
        return ledger.find(importId).orElseThrow();
    }

    private static RowResult passive(PlanRow row) {
        return row.action() == PlanAction.REJECTED
                ? RowResult.rejected(row.rowNumber(), row.action(), row.reason(), row.message(), row.person())
                : RowResult.applied(row.rowNumber(), row.action(), row.employeeId(), row.person());
    }

    private void runBatch(
            String importId,
            String objectKey,
            String actor,
            Instant occurredAt,
            int batch,
            List<PlanRow> rows,
            BuildingCache buildings) {
        var results = new ArrayList<RowResult>();
        var entries = new ArrayList<AuditEntry>();
        for (var row : rows) {
            var records = applier.applyTogether(
                    PlanCommands.of(row, importId, actor, occurredAt),
                    objectKey,
                    buildings,
                    PlanCommands.mintedIds(row, importId));
            records.forEach(record -> entries.add(AuditEntry.of(record)));
            results.add(resultOf(row, records));
        }
        for (var from = 0; from < entries.size(); from += AuditBlock.MAX_ENTRIES) {
            var chunk = entries.subList(from, Math.min(entries.size(), from + AuditBlock.MAX_ENTRIES));
            audit.append("import:" + importId + ":" + batch + ":" + from / AuditBlock.MAX_ENTRIES, chunk);
        }
        ledger.batchFinished(importId, batch, results);
    }

    private static RowResult resultOf(PlanRow row, List<CommandRecord> records) {
        var failed = records.stream()
                .filter(r -> r.status() == CommandStatus.REJECTED)
                .filter(r -> r.reason() != RejectionReason.GROUP_REJECTED)
                .findFirst();
        if (failed.isEmpty() && records.stream().allMatch(r -> r.status() == CommandStatus.APPLIED)) {
            return RowResult.applied(row.rowNumber(), row.action(), row.employeeId(), row.person());
        }
        var culprit = failed.orElse(records.getFirst());
        return RowResult.rejected(
                row.rowNumber(), row.action(), culprit.reason().name(), culprit.message(), row.person());
    }
}
