package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * One entry inside an admin audit block, stored as a map in the block's {@code entries} list. Times are epoch
 * milliseconds (a number), exactly what the chain's hash covers, so an independent verifier needs no date parsing.
 */
@DynamoDbBean
public class AdminAuditEntryItem {

    private String commandId;
    private String commandType;
    private String actor;
    private String status;
    private String reason;
    private String subjectId;
    private Long finishedAt;

    static AdminAuditEntryItem from(AuditEntry entry) {
        var item = new AdminAuditEntryItem();
        item.commandId = entry.commandId();
        item.commandType = entry.commandType();
        item.actor = entry.actor();
        item.status = entry.status().name();
        item.reason = entry.reason();
        item.subjectId = entry.subjectId();
        item.finishedAt = entry.finishedAt().toEpochMilli();
        return item;
    }

    AuditEntry toEntry() {
        return new AuditEntry(
                commandId,
                commandType,
                actor,
                CommandStatus.valueOf(status),
                reason,
                subjectId,
                Instant.ofEpochMilli(finishedAt));
    }

    public String getCommandId() {
        return commandId;
    }

    public void setCommandId(String commandId) {
        this.commandId = commandId;
    }

    public String getCommandType() {
        return commandType;
    }

    public void setCommandType(String commandType) {
        this.commandType = commandType;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    public Long getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Long finishedAt) {
        this.finishedAt = finishedAt;
    }
}
