package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.onboarding.ImportSource;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import io.badgeflow.model.onboarding.RowResult;
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
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The imports table: a summary item per import and one item per finished batch. Progress is the sum over
 * the batch items, never a counter, so a batch written twice (a redelivered import) is still counted once; a
 * completed import's summary keeps the final sums, so the list of imports reads one item per completed import.
 * Items expire with the reports ({@code retention}).
 */
public final class DynamoDbImportLedger implements ImportLedger {

    private static final TableSchema<ImportItem> SCHEMA = TableSchema.fromBean(ImportItem.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<RowResult>> ROWS = new TypeReference<>() {};
    private static final List<String> LIST_CURSOR = List.of("importId", "part", "listKey", "startedAt");

    private final DynamoDbTable<ImportItem> table;
    private final DynamoDbIndex<ImportItem> byStart;
    private final Duration retention;

    public DynamoDbImportLedger(DynamoDbEnhancedClient client, String tableName, Duration retention) {
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
        if (!current && status != ImportStatus.RUNNING && summary.getApplied() != null) {
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
                summary.getFileName());
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
    public Instant started(String importId, String objectKey, ImportSource source, int rowsTotal, Instant at) {
        var item = summary(importId, objectKey, source, ImportStatus.RUNNING, at);
        item.setRowsTotal(rowsTotal);
        try {
            table.putItem(PutItemEnhancedRequest.builder(ImportItem.class)
                    .item(item)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(importId)")
                            .build())
                    .build());
            return at;
        } catch (ConditionalCheckFailedException alreadyStarted) {
            // A redelivery: the first start time and row count stand.
            return table.getItem(r -> r.key(key(importId, ImportItem.SUMMARY)).consistentRead(true))
                    .getStartedAt();
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
