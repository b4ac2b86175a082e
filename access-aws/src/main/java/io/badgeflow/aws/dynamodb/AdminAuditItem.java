package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.ChainHead;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnoreNulls;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Row of the admin-audit table, one of three kinds that share the keys {@code chain} and {@code sequence}: the
 * chain head ({@code main}, 0) with {@code lastSequence} and {@code lastHash}; a block ({@code main}, n); and the
 * idempotency marker of a block id ({@code block#<blockId>}, 0) with the {@code blockSequence} it got. Keeping all
 * three in one table lets one transaction move the head, add the block and claim the block id.
 */
@DynamoDbBean
public class AdminAuditItem {

    static final TableSchema<AdminAuditItem> SCHEMA = TableSchema.fromBean(AdminAuditItem.class);
    static final String MAIN = "main";
    static final String MARKER_PREFIX = "block#";

    private String chain;
    private Long sequence;
    private Long lastSequence;
    private String lastHash;
    private String blockId;
    private Long appendedAt;
    private String previousHash;
    private String hash;
    private List<AdminAuditEntryItem> entries;
    private Long blockSequence;

    static AdminAuditItem head(AuditBlock newest) {
        var item = new AdminAuditItem();
        item.chain = MAIN;
        item.sequence = 0L;
        item.lastSequence = newest.sequence();
        item.lastHash = newest.hash();
        return item;
    }

    static AdminAuditItem block(AuditBlock block) {
        var item = new AdminAuditItem();
        item.chain = MAIN;
        item.sequence = block.sequence();
        item.blockId = block.blockId();
        item.appendedAt = block.appendedAt().toEpochMilli();
        item.previousHash = block.previousHash();
        item.hash = block.hash();
        item.entries = block.entries().stream().map(AdminAuditEntryItem::from).toList();
        return item;
    }

    static AdminAuditItem marker(AuditBlock block) {
        var item = new AdminAuditItem();
        item.chain = MARKER_PREFIX + block.blockId();
        item.sequence = 0L;
        item.blockSequence = block.sequence();
        return item;
    }

    ChainHead toHead() {
        if (lastSequence == null) {
            throw new IllegalArgumentException("lastSequence is missing");
        }
        return new ChainHead(lastSequence, lastHash);
    }

    AuditBlock toBlock() {
        return new AuditBlock(
                sequence,
                blockId,
                entries.stream().map(AdminAuditEntryItem::toEntry).toList(),
                Instant.ofEpochMilli(appendedAt),
                previousHash,
                hash);
    }

    @DynamoDbPartitionKey
    public String getChain() {
        return chain;
    }

    public void setChain(String chain) {
        this.chain = chain;
    }

    @DynamoDbSortKey
    public Long getSequence() {
        return sequence;
    }

    public void setSequence(Long sequence) {
        this.sequence = sequence;
    }

    public Long getLastSequence() {
        return lastSequence;
    }

    public void setLastSequence(Long lastSequence) {
        this.lastSequence = lastSequence;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }

    public String getBlockId() {
        return blockId;
    }

    public void setBlockId(String blockId) {
        this.blockId = blockId;
    }

    public Long getAppendedAt() {
        return appendedAt;
    }

    public void setAppendedAt(Long appendedAt) {
        this.appendedAt = appendedAt;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public void setPreviousHash(String previousHash) {
        this.previousHash = previousHash;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    @DynamoDbIgnoreNulls
    public List<AdminAuditEntryItem> getEntries() {
        return entries;
    }

    public void setEntries(List<AdminAuditEntryItem> entries) {
        this.entries = entries;
    }

    public Long getBlockSequence() {
        return blockSequence;
    }

    public void setBlockSequence(Long blockSequence) {
        this.blockSequence = blockSequence;
    }
}
