package io.badgeflow.aws.dynamodb;

import io.badgeflow.aws.parking.ParkReason;
import io.badgeflow.aws.parking.ParkedRecord;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * Row of the parked-records table: one record, keyed by where it sits on the stream ({@code <shardId>#<sequence
 * number>}), so parking a redelivered record finds the row it wrote before. Every row carries the constant
 * {@code listKey} for the {@code byParkedAt} index, which lists them newest first (poison records are rare, so
 * one index partition is plenty).
 */
@DynamoDbBean
public class ParkedRecordItem {

    static final TableSchema<ParkedRecordItem> SCHEMA = TableSchema.fromBean(ParkedRecordItem.class);
    static final String BY_PARKED_AT = "byParkedAt";
    static final String LIST_KEY = "PARKED";

    private String recordKey;
    private String listKey;
    private Instant parkedAt;
    private String shardId;
    private String sequenceNumber;
    private String partitionKey;
    private Integer size;
    private String reason;
    private String message;
    private String payloadBase64;
    private Long expiresAt;

    static ParkedRecordItem from(ParkedRecord record, long expiresAtEpochSecond) {
        var item = new ParkedRecordItem();
        item.recordKey = record.shardId() + "#" + record.sequenceNumber();
        item.listKey = LIST_KEY;
        item.parkedAt = record.parkedAt();
        item.shardId = record.shardId();
        item.sequenceNumber = record.sequenceNumber();
        item.partitionKey = record.partitionKey();
        item.size = record.size();
        item.reason = record.reason().name();
        item.message = record.message();
        item.payloadBase64 = record.payloadBase64();
        item.expiresAt = expiresAtEpochSecond;
        return item;
    }

    ParkedRecord toRecord() {
        return new ParkedRecord(
                shardId,
                sequenceNumber,
                partitionKey,
                size == null ? 0 : size,
                ParkReason.valueOf(reason),
                message,
                payloadBase64,
                parkedAt);
    }

    @DynamoDbPartitionKey
    public String getRecordKey() {
        return recordKey;
    }

    public void setRecordKey(String recordKey) {
        this.recordKey = recordKey;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_PARKED_AT)
    public String getListKey() {
        return listKey;
    }

    public void setListKey(String listKey) {
        this.listKey = listKey;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_PARKED_AT)
    @DynamoDbConvertedBy(SortableInstantConverter.class)
    public Instant getParkedAt() {
        return parkedAt;
    }

    public void setParkedAt(Instant parkedAt) {
        this.parkedAt = parkedAt;
    }

    public String getShardId() {
        return shardId;
    }

    public void setShardId(String shardId) {
        this.shardId = shardId;
    }

    public String getSequenceNumber() {
        return sequenceNumber;
    }

    public void setSequenceNumber(String sequenceNumber) {
        this.sequenceNumber = sequenceNumber;
    }

    public String getPartitionKey() {
        return partitionKey;
    }

    public void setPartitionKey(String partitionKey) {
        this.partitionKey = partitionKey;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getPayloadBase64() {
        return payloadBase64;
    }

    public void setPayloadBase64(String payloadBase64) {
        this.payloadBase64 = payloadBase64;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
