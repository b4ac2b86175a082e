package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.alarm.Alarm;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * Row of the alarms table for one published alarm: its fields (ids only) and {@code publishedAt}. Its presence
 * is what tells a redelivered event that the alarm went out already. The denial counters share the table under
 * keys no alarm id can take ({@code #denials#...}, see {@link DynamoDbAlarmLedger}).
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
        return item;
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

    public String getDoorId() {
        return doorId;
    }

    public void setDoorId(String doorId) {
        this.doorId = doorId;
    }

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
}
