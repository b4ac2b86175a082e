package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RejectionReason;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** Row of the commands table: one finished command. {@code expiresAt} is the table's TTL attribute. */
@DynamoDbBean
public class CommandItem {

    private String commandId;
    private String type;
    private String actor;
    private String status;
    private String reason;
    private String message;
    private String employeeId;
    private String subjectId;
    private String documentKey;
    private Instant finishedAt;
    private Long expiresAt;

    static CommandItem from(CommandRecord record, long expiresAtEpochSecond) {
        var item = new CommandItem();
        item.commandId = record.commandId();
        item.type = record.type();
        item.actor = record.actor();
        item.status = record.status().name();
        item.reason = record.reason() == null ? null : record.reason().name();
        item.message = record.message();
        item.employeeId = record.employeeId();
        item.subjectId = record.subjectId();
        item.documentKey = record.documentKey();
        item.finishedAt = record.finishedAt();
        item.expiresAt = expiresAtEpochSecond;
        return item;
    }

    CommandRecord toRecord() {
        return new CommandRecord(commandId, type, actor, CommandStatus.valueOf(status),
                reason == null ? null : RejectionReason.valueOf(reason), message, employeeId, subjectId, documentKey, finishedAt);
    }

    @DynamoDbPartitionKey
    public String getCommandId() {
        return commandId;
    }

    public void setCommandId(String commandId) {
        this.commandId = commandId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    public String getDocumentKey() {
        return documentKey;
    }

    public void setDocumentKey(String documentKey) {
        this.documentKey = documentKey;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
