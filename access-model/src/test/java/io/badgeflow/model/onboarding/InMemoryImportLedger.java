package io.badgeflow.model.onboarding;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger's contract in memory: a plan per import, batch results keyed by batch, progress summed from them. */
final class InMemoryImportLedger implements ImportLedger {

    final Map<String, ImportSummary> summaries = new ConcurrentHashMap<>();
    final Map<String, List<PlanRow>> plans = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, List<RowResult>>> batches = new ConcurrentHashMap<>();

    @Override
    public Optional<ImportSummary> find(String importId) {
        var s = summaries.get(importId);
        if (s == null) {
            return Optional.empty();
        }
        var results = results(importId);
        var applied = (int) results.stream().filter(RowResult::isApplied).count();
        return Optional.of(new ImportSummary(
                importId,
                s.objectKey(),
                s.status(),
                s.rowsTotal(),
                applied,
                results.size() - applied,
                s.startedAt(),
                s.finishedAt(),
                s.reason(),
                s.reportKey(),
                s.uploadedBy(),
                s.fileName(),
                s.plan(),
                s.planKey(),
                s.confirmedBy(),
                s.confirmedAt(),
                s.limitOverridden()));
    }

    @Override
    public Page<ImportSummary> recent(PageRequest page) {
        throw new UnsupportedOperationException("the API lists imports");
    }

    @Override
    public synchronized void planned(
            String importId,
            String objectKey,
            ImportSource source,
            SyncPlan plan,
            String planKey,
            String reason,
            Instant at) {
        plans.put(importId, plan.rows());
        summaries.put(
                importId,
                new ImportSummary(
                        importId,
                        objectKey,
                        ImportStatus.PLANNED,
                        plan.rows().size(),
                        0,
                        0,
                        at,
                        null,
                        reason,
                        null,
                        source.uploadedBy(),
                        source.fileName(),
                        plan.counts(),
                        planKey,
                        null,
                        null,
                        false));
    }

    /** As if the process died after applying batch {@code lost} but before recording it and completing. */
    synchronized void crashedBeforeCompleting(String importId, int lost) {
        batches.get(importId).remove(lost);
        var s = summaries.get(importId);
        summaries.put(
                importId,
                new ImportSummary(
                        importId,
                        s.objectKey(),
                        ImportStatus.RUNNING,
                        s.rowsTotal(),
                        0,
                        0,
                        s.startedAt(),
                        null,
                        null,
                        null,
                        s.uploadedBy(),
                        s.fileName(),
                        s.plan(),
                        s.planKey(),
                        s.confirmedBy(),
                        s.confirmedAt(),
                        s.limitOverridden()));
    }

    @Override
    public List<PlanRow> plan(String importId) {
        return plans.getOrDefault(importId, List.of());
    }

    @Override
    public synchronized boolean applying(
            String importId, String fingerprint, String confirmedBy, boolean limitOverridden, Instant at) {
        var s = summaries.get(importId);
        if (s == null
                || s.status() != ImportStatus.PLANNED
                || !s.plan().fingerprint().equals(fingerprint)) {
            return false;
        }
        summaries.put(
                importId,
                new ImportSummary(
                        importId,
                        s.objectKey(),
                        ImportStatus.RUNNING,
                        s.rowsTotal(),
                        0,
                        0,
                        s.startedAt(),
                        null,
                        null,
                        null,
                        s.uploadedBy(),
                        s.fileName(),
                        s.plan(),
                        s.planKey(),
                        confirmedBy,
                        at,
                        limitOverridden));
        return true;
    }

    @Override
    public Set<Integer> finishedBatches(String importId) {
        return Set.copyOf(batches.getOrDefault(importId, Map.of()).keySet());
    }

    @Override
    public void batchFinished(String importId, int batch, List<RowResult> results) {
        batches.computeIfAbsent(importId, id -> new ConcurrentHashMap<>()).put(batch, List.copyOf(results));
    }

    @Override
    public List<RowResult> results(String importId) {
        return batches.getOrDefault(importId, Map.of()).values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparingInt(RowResult::rowNumber))
                .toList();
    }

    @Override
    public synchronized void completed(String importId, String reportKey, Instant at) {
        var s = summaries.get(importId);
        summaries.put(
                importId,
                new ImportSummary(
                        importId,
                        s.objectKey(),
                        ImportStatus.COMPLETED,
                        s.rowsTotal(),
                        0,
                        0,
                        s.startedAt(),
                        at,
                        null,
                        reportKey,
                        s.uploadedBy(),
                        s.fileName(),
                        s.plan(),
                        s.planKey(),
                        s.confirmedBy(),
                        s.confirmedAt(),
                        s.limitOverridden()));
    }

    @Override
    public void rejected(String importId, String objectKey, ImportSource source, String reason, Instant at) {
        summaries.put(
                importId,
                new ImportSummary(
                        importId,
                        objectKey,
                        ImportStatus.REJECTED,
                        0,
                        0,
                        0,
                        at,
                        at,
                        reason,
                        null,
                        source.uploadedBy(),
                        source.fileName(),
                        null,
                        null,
                        null,
                        null,
                        false));
    }
}
