package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * Row of the commands table: one finished command. {@code expiresAt} is the table's TTL attribute. Three indexes
 * sort on {@code finishedAt} (fixed-width text, so text order is time order): an employee's commands, a card's,
 * building's or door's, and all commands of one UTC day ({@code finishedDay}), which is how the most recent
 * commands are listed without a single hot partition for all time.
 */
@DynamoDbBean
public class CommandItem {

    static final TableSchema<CommandItem> SCHEMA = TableSchema.fromBean(CommandItem.class);
    static final String BY_EMPLOYEE = "byEmployee";
    static final String BY_SUBJECT = "bySubject";
    static final String BY_DAY = "byDay";
    static final String BY_SECOND = "bySecond";
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

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
    private Instant acceptedAt;
    private String finishedDay;
    private String finishedSecond;
    private Long expiresAt;
    private String appliedBy;

    /**
     * The row of a finished command; {@code appliedBy} names the code that wrote it (the function and its
     * published version, e.g. {@code badgeflow-prod-apply-command:14}), for the release path and for audits.
     */
    static CommandItem from(CommandRecord record, long expiresAtEpochSecond, String appliedBy) {
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
        item.acceptedAt = record.acceptedAt();
        item.finishedDay = day(record.finishedAt());
        item.finishedSecond = second(record.finishedAt());
        item.expiresAt = expiresAtEpochSecond;
        item.appliedBy = appliedBy;
        return item;
    }

    /**
     * The UTC second, {@code yyyy-MM-ddTHH:mm:ss}, under which the {@code bySecond} index files a command: the
     * change feed reads the last few seconds, so its queries stay small even while an import finishes hundreds of
     * commands a second (a minute's partition held 12,500 commands of a 5,000-row import, and the emulator costs a
     * query by the size of its partition: docs/local-aws.md), and a large import's writes spread over many index
     * partitions.
     */
    static String second(Instant instant) {
        return SECOND.format(instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The UTC day, {@code yyyy-MM-dd}, under which the {@code byDay} index files a command. */
    static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    CommandRecord toRecord() {
        return new CommandRecord(
                commandId,
                type,
                actor,
                CommandStatus.valueOf(status),
                reason == null ? null : RejectionReason.valueOf(reason),
                message,
                employeeId,
                subjectId,
                documentKey,
                finishedAt,
                acceptedAt);
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

    @DynamoDbSecondaryPartitionKey(indexNames = BY_EMPLOYEE)
    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_SUBJECT)
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

    @DynamoDbSecondarySortKey(indexNames = {BY_EMPLOYEE, BY_SUBJECT, BY_DAY, BY_SECOND})
    @DynamoDbConvertedBy(SortableInstantConverter.class)
    public Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    /** When the back office accepted the command; absent in rows written before it was kept. */
    @DynamoDbConvertedBy(SortableInstantConverter.class)
    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(Instant acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_SECOND)
    public String getFinishedSecond() {
        return finishedSecond;
    }

    public void setFinishedSecond(String finishedSecond) {
        this.finishedSecond = finishedSecond;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_DAY)
    public String getFinishedDay() {
        return finishedDay;
    }

    public void setFinishedDay(String finishedDay) {
        this.finishedDay = finishedDay;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getAppliedBy() {
        return appliedBy;
    }

    public void setAppliedBy(String appliedBy) {
        this.appliedBy = appliedBy;
    }
}
