package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.onboarding.ImportSource;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import io.badgeflow.model.onboarding.PlanCounts;
import io.badgeflow.model.onboarding.PlanRow;
import io.badgeflow.model.onboarding.RowResult;
import io.badgeflow.model.onboarding.SyncPlan;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The imports table: a summary item per import, its plan in parts of {@link ImportItem#PLAN_ROWS} rows (written
 * with BatchWriteItem, 25 parts a call), and one item per finished batch. Progress is the sum over
 * the batch items, never a counter, so a batch written twice (a redelivered import) is still counted once; a
 * completed import's summary keeps the final sums, so the list of imports reads one item per completed import.
 * Items expire with the reports ({@code retention}).
 */
public final class DynamoDbImportLedger implements ImportLedger {

    private static final TableSchema<ImportItem> SCHEMA = TableSchema.fromBean(ImportItem.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<RowResult>> ROWS = new TypeReference<>() {};
    private static final TypeReference<List<PlanRow>> PLAN_ROWS = new TypeReference<>() {};
    private static final int BATCH_WRITE = 25;
    private static final List<String> LIST_CURSOR = List.of("importId", "part", "listKey", "startedAt");

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<ImportItem> table;
    private final DynamoDbIndex<ImportItem> byStart;
    private final Duration retention;

    public DynamoDbImportLedger(DynamoDbEnhancedClient client, String tableName, Duration retention) {
        this.client = client;
        this.table = client.table(tableName, SCHEMA);
        this.byStart = table.index(ImportItem.BY_START);
        this.retention = retention;
    }

    @Override
    public Optional<ImportSummary> find(String importId) {
        var summary =
                table.getItem(r -> r.key(key(importId, ImportItem.SUMMARY)).consistentRead(true));
        return summary == null ? Optional.empty() : Optional.of(summarise(summary, true));
    }

    /**
     * Newest first from the sparse {@code byStart} index (summaries only). A completed import's counts are on its
     * summary; only a running one (or one completed before the summary kept them) sums its batches, so a page
     * costs one Query plus one per import still running.
     */
    @Override
    public Page<ImportSummary> recent(PageRequest page) {
        Map<String, AttributeValue> start = null;
        if (page.cursor() != null) {
            start = Cursors.decode(page.cursor(), Set.copyOf(LIST_CURSOR));
            if (!ImportItem.LIST_KEY.equals(start.get("listKey").s())) {
                throw Cursors.invalid();
            }
        }
        return Pages.page(
                page,
                start,
                (from, limit) -> byStart.query(r -> r.queryConditional(
                                        QueryConditional.keyEqualTo(k -> k.partitionValue(ImportItem.LIST_KEY)))
                                .scanIndexForward(false)
                                .exclusiveStartKey(from)
                                .limit(limit))
                        .iterator()
                        .next(),
                SCHEMA,
                LIST_CURSOR,
                summary -> summarise(summary, false));
    }

    private ImportSummary summarise(ImportItem summary, boolean current) {
        var status = ImportStatus.valueOf(summary.getStatus());
        int applied;
        int rejected;
        if (status == ImportStatus.PLANNED) {
            applied = 0;
            rejected = 0;
        } else if (!current && status != ImportStatus.RUNNING && summary.getApplied() != null) {
            applied = summary.getApplied();
            rejected = summary.getRejected() == null ? 0 : summary.getRejected();
        } else {
            var counts = counts(summary.getImportId());
            applied = counts[0];
            rejected = counts[1];
        }
        return new ImportSummary(
                summary.getImportId(),
                summary.getObjectKey(),
                status,
                summary.getRowsTotal() == null ? 0 : summary.getRowsTotal(),
                applied,
                rejected,
                summary.getStartedAt(),
                summary.getFinishedAt(),
                summary.getReason(),
                summary.getReportKey(),
                summary.getUploadedBy(),
                summary.getFileName(),
                counts(summary),
                summary.getPlanKey(),
                summary.getConfirmedBy(),
                summary.getConfirmedAt(),
                Boolean.TRUE.equals(summary.getLimitOverridden()));
    }

    private static PlanCounts counts(ImportItem summary) {
        if (summary.getFingerprint() == null) {
            return null;
        }
        return new PlanCounts(
                zero(summary.getPlanCreate()),
                zero(summary.getPlanUpdate()),
                zero(summary.getPlanOffboard()),
                zero(summary.getPlanUnchanged()),
                zero(summary.getPlanRejected()),
                zero(summary.getActivePeople()),
                zero(summary.getOffboardLimit()),
                Boolean.TRUE.equals(summary.getFullExport()),
                summary.getFingerprint());
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Rows applied and rejected so far: the sum over the batch items. */
    private int[] counts(String importId) {
        var applied = 0;
        var rejected = 0;
        for (var batch : batches(importId, "importId, part, applied, rejected")) {
            applied += batch.getApplied();
            rejected += batch.getRejected();
        }
        return new int[] {applied, rejected};
    }

    @Override
    public void planned(
            String importId,
            String objectKey,
            ImportSource source,
            SyncPlan plan,
            String planKey,
            String reason,
            Instant at) {
        var rows = plan.rows();
        var parts = new ArrayList<ImportItem>();
        for (var from = 0; from < rows.size(); from += ImportItem.PLAN_ROWS) {
            var item = new ImportItem();
            item.setImportId(importId);
            item.setPart(ImportItem.planPart(parts.size()));
            item.setResults(
                    JSON.writeValueAsString(rows.subList(from, Math.min(rows.size(), from + ImportItem.PLAN_ROWS))));
            item.setExpiresAt(at.plus(retention).getEpochSecond());
            parts.add(item);
        }
        for (var from = 0; from < parts.size(); from += BATCH_WRITE) {
            write(parts.subList(from, Math.min(parts.size(), from + BATCH_WRITE)));
        }
        // the summary last: a reader never sees a plan whose parts are not all written
        var counts = plan.counts();
        var item = summary(importId, objectKey, source, ImportStatus.PLANNED, at);
        item.setRowsTotal(rows.size());
        item.setReason(reason);
        item.setPlanCreate(counts.create());
        item.setPlanUpdate(counts.update());
        item.setPlanOffboard(counts.offboard());
        item.setPlanUnchanged(counts.unchanged());
        item.setPlanRejected(counts.rejected());
        item.setActivePeople(counts.activePeople());
        item.setOffboardLimit(counts.offboardLimit());
        item.setFullExport(counts.fullExport());
        item.setFingerprint(counts.fingerprint());
        item.setPlanKey(planKey);
        item.setPlanParts(parts.size());
        table.putItem(item);
    }

    private void write(List<ImportItem> items) {
        var batch = WriteBatch.builder(ImportItem.class).mappedTableResource(table);
        items.forEach(batch::addPutItem);
        var result = client.batchWriteItem(r -> r.addWriteBatch(batch.build()));
        for (var attempt = 1; !result.unprocessedPutItemsForTable(table).isEmpty(); attempt++) {
            if (attempt > 10) {
                throw new IllegalStateException("the imports table kept refusing plan parts (throttled)");
            }
            var again = WriteBatch.builder(ImportItem.class).mappedTableResource(table);
            result.unprocessedPutItemsForTable(table).forEach(again::addPutItem);
            result = client.batchWriteItem(r -> r.addWriteBatch(again.build()));
        }
    }

    @Override
    public List<PlanRow> plan(String importId) {
        var summary =
                table.getItem(r -> r.key(key(importId, ImportItem.SUMMARY)).consistentRead(true));
        if (summary == null || summary.getPlanParts() == null) {
            return List.of();
        }
        var rows = new ArrayList<PlanRow>();
        var parts = table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                .partitionValue(importId)
                                .sortValue(ImportItem.PLAN_PREFIX)
                                .build()))
                        .consistentRead(true))
                .items();
        for (var part : parts) {
            // parts past the count are left from an earlier, longer plan of the same import
            if (Integer.parseInt(part.getPart().substring(ImportItem.PLAN_PREFIX.length())) < summary.getPlanParts()) {
                rows.addAll(JSON.readValue(part.getResults(), PLAN_ROWS));
            }
        }
        return rows;
    }

    @Override
    public boolean applying(
            String importId, String fingerprint, String confirmedBy, boolean limitOverridden, Instant at) {
        var item = new ImportItem();
        item.setImportId(importId);
        item.setPart(ImportItem.SUMMARY);
        item.setStatus(ImportStatus.RUNNING.name());
        item.setConfirmedBy(confirmedBy);
        item.setConfirmedAt(at);
        item.setLimitOverridden(limitOverridden);
        try {
            table.updateItem(r -> r.item(item)
                    .ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY)
                    .conditionExpression(Expression.builder()
                            .expression("#status = :planned AND fingerprint = :fingerprint")
                            .putExpressionName("#status", "status")
                            .putExpressionValue(":planned", AttributeValue.fromS(ImportStatus.PLANNED.name()))
                            .putExpressionValue(":fingerprint", AttributeValue.fromS(fingerprint))
                            .build()));
            return true;
        } catch (ConditionalCheckFailedException notThatPlan) {
            return false;
        }
    }

    @Override
    public Set<Integer> finishedBatches(String importId) {
        var finished = new TreeSet<Integer>();
        for (var batch : batches(importId, "importId, part")) {
            finished.add(Integer.parseInt(batch.getPart().substring(ImportItem.BATCH_PREFIX.length())));
        }
        return finished;
    }

    @Override
    public void batchFinished(String importId, int batch, List<RowResult> results) {
        var item = new ImportItem();
        item.setImportId(importId);
        item.setPart(ImportItem.batchPart(batch));
        item.setApplied((int) results.stream().filter(RowResult::isApplied).count());
        item.setRejected((int) results.stream()
                .filter(r -> r.status() == CommandStatus.REJECTED)
                .count());
        item.setResults(JSON.writeValueAsString(results));
        item.setExpiresAt(Instant.now().plus(retention).getEpochSecond());
        table.putItem(item);
    }

    @Override
    public List<RowResult> results(String importId) {
        var results = new ArrayList<RowResult>();
        for (var batch : batches(importId, null)) {
            results.addAll(JSON.readValue(batch.getResults(), ROWS));
        }
        results.sort(Comparator.comparingInt(RowResult::rowNumber));
        return results;
    }

    @Override
    public void completed(String importId, String reportKey, Instant at) {
        var counts = counts(importId);
        var item = new ImportItem();
        item.setImportId(importId);
        item.setPart(ImportItem.SUMMARY);
        item.setStatus(ImportStatus.COMPLETED.name());
        item.setFinishedAt(at);
        item.setReportKey(reportKey);
        // the final sums, so the list of imports need not read a completed import's batches
        item.setApplied(counts[0]);
        item.setRejected(counts[1]);
        table.updateItem(r -> r.item(item).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY));
    }

    @Override
    public void rejected(String importId, String objectKey, ImportSource source, String reason, Instant at) {
        var item = summary(importId, objectKey, source, ImportStatus.REJECTED, at);
        item.setRowsTotal(0);
        item.setApplied(0);
        item.setRejected(0);
        item.setFinishedAt(at);
        item.setReason(reason);
        table.putItem(item);
    }

    private ImportItem summary(
            String importId, String objectKey, ImportSource source, ImportStatus status, Instant at) {
        var item = new ImportItem();
        item.setImportId(importId);
        item.setPart(ImportItem.SUMMARY);
        item.setListKey(ImportItem.LIST_KEY);
        item.setUploadedBy(source.uploadedBy());
        item.setFileName(source.fileName());
        item.setObjectKey(objectKey);
        item.setStatus(status.name());
        item.setStartedAt(at);
        item.setExpiresAt(at.plus(retention).getEpochSecond());
        return item;
    }

    private Iterable<ImportItem> batches(String importId, String projection) {
        return table.query(r -> {
                    r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                    .partitionValue(importId)
                                    .sortValue(ImportItem.BATCH_PREFIX)
                                    .build()))
                            .consistentRead(true);
                    if (projection != null) {
                        r.attributesToProject(projection.split(",\\s*"));
                    }
                })
                .items();
    }

    private static Key key(String importId, String part) {
        return Key.builder().partitionValue(importId).sortValue(part).build();
    }
}
