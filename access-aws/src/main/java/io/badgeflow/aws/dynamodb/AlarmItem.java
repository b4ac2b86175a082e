package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmHandling;
import io.badgeflow.model.alarm.AlarmRecord;
import io.badgeflow.model.alarm.AlarmStatus;
import io.badgeflow.model.door.AlarmType;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * Row of the alarms table for one published alarm: its fields (ids only) and {@code publishedAt}. Its presence
 * is what tells a redelivered event that the alarm went out already. The denial counters share the table under
 * keys no alarm id can take ({@code #denials#...}, see {@link DynamoDbAlarmLedger}).
 *
 * <p>What operators did about it ({@code status}, who acknowledged and resolved it, when, their notes) is written by
 * admin-service ({@link DynamoDbAlarmBoard}) onto the same row, which the raise only ever creates (a conditional put),
 * so no redelivery of the raise can undo an acknowledgement. Three sparse indexes list alarms newest first by
 * {@code raisedAtMs} (a number, so that ISO strings of different precision cannot sort wrongly): {@code byUnresolved}
 * (partition {@code unresolved = UNRESOLVED}, removed on resolve), {@code byDoor} and {@code byBuilding}; the denial
 * counters have no {@code raisedAtMs} and so are in none of them.
 */
@DynamoDbBean
public class AlarmItem {

    static final TableSchema<AlarmItem> SCHEMA = TableSchema.fromBean(AlarmItem.class);

    private String alarmId;
    private String type;
    private String doorId;
    private String buildingId;
    private String eventId;
    private String cardNumber;
    private String cardId;
    private String employeeId;
    private Instant occurredAt;
    private Instant raisedAt;
    private Instant publishedAt;
    private Long expiresAt;
    private Long raisedAtMs;
    private String unresolved;
    private String status;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private String acknowledgeNote;
    private String resolvedBy;
    private Instant resolvedAt;
    private String resolveNote;

    static final String UNRESOLVED = "UNRESOLVED";
    static final String BY_UNRESOLVED = "byUnresolved";
    static final String BY_DOOR = "byDoor";
    static final String BY_BUILDING = "byBuilding";

    static AlarmItem from(Alarm alarm, Instant publishedAt, long expiresAtEpochSecond) {
        var item = new AlarmItem();
        item.alarmId = alarm.alarmId();
        item.type = alarm.type().name();
        item.doorId = alarm.doorId();
        item.buildingId = alarm.buildingId();
        item.eventId = alarm.eventId();
        item.cardNumber = alarm.cardNumber();
        item.cardId = alarm.cardId();
        item.employeeId = alarm.employeeId();
        item.occurredAt = alarm.occurredAt();
        item.raisedAt = alarm.raisedAt();
        item.publishedAt = publishedAt;
        item.expiresAt = expiresAtEpochSecond;
        item.raisedAtMs = alarm.raisedAt().toEpochMilli();
        item.unresolved = UNRESOLVED;
        item.status = AlarmStatus.OPEN.name();
        return item;
    }

    AlarmRecord toRecord() {
        var alarm = new Alarm(
                alarmId,
                AlarmType.valueOf(type),
                doorId,
                buildingId,
                eventId,
                cardNumber,
                cardId,
                employeeId,
                occurredAt,
                raisedAt);
        // Rows published before alarms had a status are open.
        var handling = status == null
                ? AlarmHandling.OPEN
                : new AlarmHandling(
                        AlarmStatus.valueOf(status),
                        acknowledgedBy,
                        acknowledgedAt,
                        acknowledgeNote,
                        resolvedBy,
                        resolvedAt,
                        resolveNote);
        return new AlarmRecord(alarm, handling);
    }

    @DynamoDbPartitionKey
    public String getAlarmId() {
        return alarmId;
    }

    public void setAlarmId(String alarmId) {
        this.alarmId = alarmId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_DOOR)
    public String getDoorId() {
        return doorId;
    }

    public void setDoorId(String doorId) {
        this.doorId = doorId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_BUILDING)
    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getCardId() {
        return cardId;
    }

    public void setCardId(String cardId) {
        this.cardId = cardId;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public void setRaisedAt(Instant raisedAt) {
        this.raisedAt = raisedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    @DynamoDbSecondarySortKey(indexNames = {BY_UNRESOLVED, BY_DOOR, BY_BUILDING})
    public Long getRaisedAtMs() {
        return raisedAtMs;
    }

    public void setRaisedAtMs(Long raisedAtMs) {
        this.raisedAtMs = raisedAtMs;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_UNRESOLVED)
    public String getUnresolved() {
        return unresolved;
    }

    public void setUnresolved(String unresolved) {
        this.unresolved = unresolved;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public void setAcknowledgedBy(String acknowledgedBy) {
        this.acknowledgedBy = acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public void setAcknowledgedAt(Instant acknowledgedAt) {
        this.acknowledgedAt = acknowledgedAt;
    }

    public String getAcknowledgeNote() {
        return acknowledgeNote;
    }

    public void setAcknowledgeNote(String acknowledgeNote) {
        this.acknowledgeNote = acknowledgeNote;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public void setResolvedBy(String resolvedBy) {
        this.resolvedBy = resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public void setResolvedAt(Instant resolvedAt) {
        this.resolvedAt = resolvedAt;
    }

    public String getResolveNote() {
        return resolveNote;
    }

    public void setResolveNote(String resolveNote) {
        this.resolveNote = resolveNote;
    }
}
