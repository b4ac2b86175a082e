package io.badgeflow.aws.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Row of the imports table: an import's summary ({@code part = "summary"}, with its plan's counts), one part of its
 * plan ({@code part = "plan#00042"}, up to {@link #PLAN_ROWS} plan rows as compact JSON in {@code results}) or one
 * finished batch ({@code part = "batch#00042"}) with its counts and its row results as compact JSON. Only summaries carry
 * {@code listKey}, so the sparse {@code byStart} index lists imports (not batches) by {@code startedAt}.
 */
@DynamoDbBean
public class ImportItem {

    static final String SUMMARY = "summary";
    static final String BATCH_PREFIX = "batch#";
    static final String PLAN_PREFIX = "plan#";
    static final int PLAN_ROWS = 100;
    static final String BY_START = "byStart";
    static final String LIST_KEY = "IMPORT";

    private String importId;
    private String part;
    private String objectKey;
    private String status;
    private Integer rowsTotal;
    private Integer applied;
    private Integer rejected;
    private Instant startedAt;
    private Instant finishedAt;
    private String reason;
    private String reportKey;
    private String results;
    private Long expiresAt;
    private String listKey;
    private String uploadedBy;
    private String fileName;
    private Integer planCreate;
    private Integer planUpdate;
    private Integer planOffboard;
    private Integer planUnchanged;
    private Integer planRejected;
    private Integer activePeople;
    private Integer offboardLimit;
    private Boolean fullExport;
    private String fingerprint;
    private String planKey;
    private Integer planParts;
    private String confirmedBy;
    private Instant confirmedAt;
    private Boolean limitOverridden;

    static String batchPart(int batch) {
        return BATCH_PREFIX + String.format("%05d", batch);
    }

    static String planPart(int part) {
        return PLAN_PREFIX + String.format("%05d", part);
    }

    @DynamoDbPartitionKey
    public String getImportId() {
        return importId;
    }

    public void setImportId(String importId) {
        this.importId = importId;
    }

    @DynamoDbSortKey
    public String getPart() {
        return part;
    }

    public void setPart(String part) {
        this.part = part;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public void setObjectKey(String objectKey) {
        this.objectKey = objectKey;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getRowsTotal() {
        return rowsTotal;
    }

    public void setRowsTotal(Integer rowsTotal) {
        this.rowsTotal = rowsTotal;
    }

    public Integer getApplied() {
        return applied;
    }

    public void setApplied(Integer applied) {
        this.applied = applied;
    }

    public Integer getRejected() {
        return rejected;
    }

    public void setRejected(Integer rejected) {
        this.rejected = rejected;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_START)
    @DynamoDbConvertedBy(SortableInstantConverter.class)
    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getReportKey() {
        return reportKey;
    }

    public void setReportKey(String reportKey) {
        this.reportKey = reportKey;
    }

    public String getResults() {
        return results;
    }

    public void setResults(String results) {
        this.results = results;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_START)
    public String getListKey() {
        return listKey;
    }

    public void setListKey(String listKey) {
        this.listKey = listKey;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public void setUploadedBy(String uploadedBy) {
        this.uploadedBy = uploadedBy;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public Integer getPlanCreate() {
        return planCreate;
    }

    public void setPlanCreate(Integer planCreate) {
        this.planCreate = planCreate;
    }

    public Integer getPlanUpdate() {
        return planUpdate;
    }

    public void setPlanUpdate(Integer planUpdate) {
        this.planUpdate = planUpdate;
    }

    public Integer getPlanOffboard() {
        return planOffboard;
    }

    public void setPlanOffboard(Integer planOffboard) {
        this.planOffboard = planOffboard;
    }

    public Integer getPlanUnchanged() {
        return planUnchanged;
    }

    public void setPlanUnchanged(Integer planUnchanged) {
        this.planUnchanged = planUnchanged;
    }

    public Integer getPlanRejected() {
        return planRejected;
    }

    public void setPlanRejected(Integer planRejected) {
        this.planRejected = planRejected;
    }

    public Integer getActivePeople() {
        return activePeople;
    }

    public void setActivePeople(Integer activePeople) {
        this.activePeople = activePeople;
    }

    public Integer getOffboardLimit() {
        return offboardLimit;
    }

    public void setOffboardLimit(Integer offboardLimit) {
        this.offboardLimit = offboardLimit;
    }

    public Boolean getFullExport() {
        return fullExport;
    }

    public void setFullExport(Boolean fullExport) {
        this.fullExport = fullExport;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public String getPlanKey() {
        return planKey;
    }

    public void setPlanKey(String planKey) {
        this.planKey = planKey;
    }

    public Integer getPlanParts() {
        return planParts;
    }

    public void setPlanParts(Integer planParts) {
        this.planParts = planParts;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public void setConfirmedBy(String confirmedBy) {
        this.confirmedBy = confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public void setConfirmedAt(Instant confirmedAt) {
        this.confirmedAt = confirmedAt;
    }

    public Boolean getLimitOverridden() {
        return limitOverridden;
    }

    public void setLimitOverridden(Boolean limitOverridden) {
        this.limitOverridden = limitOverridden;
    }
}
