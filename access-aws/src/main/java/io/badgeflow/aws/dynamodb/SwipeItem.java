package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Row of the swipes table: one door event, keyed door + time so an auditor reads a door's activity in order;
 * {@code byEmployee} reads a person's and {@code byBuilding} a building's (filed per UTC day). The sort key ends
 * with the event id, and a row is only ever created, never replaced: the first record of an event id is the one
 * kept, however often the stream delivers it. Ids only, never names.
 */
@DynamoDbBean
public class SwipeItem {

    static final TableSchema<SwipeItem> SCHEMA = TableSchema.fromBean(SwipeItem.class);
    static final String BY_EMPLOYEE = "byEmployee";
    static final String BY_BUILDING = "byBuilding";

    private String doorId;
    private String occurredAtEventId;
    private String type;
    private String eventId;
    private String buildingId;
    private String buildingDay;
    private String cardNumber;
    private String cardId;
    private String cardStatus;
    private String employeeId;
    private String direction;
    private String decision;
    private String reason;
    private String rule;
    private String policyVersion;
    private String doorState;
    private List<String> alarms;
    private Instant occurredAt;
    private Instant receivedAt;
    private Long expiresAt;
    /** True for a decision a door made offline and uploaded later; absent otherwise. */
    private Boolean offline;

    static SwipeItem from(DoorEvent event, long expiresAtEpochSecond) {
        var item = new SwipeItem();
        item.type = event.getClass().getSimpleName();
        item.doorId = event.doorId();
        item.eventId = event.eventId();
        item.occurredAt = event.occurredAt();
        item.occurredAtEventId = sortKey(event);
        item.expiresAt = expiresAtEpochSecond;
        switch (event) {
            case SwipeRecorded swipe -> {
                item.building(swipe.buildingId(), swipe.occurredAt());
                item.cardNumber = swipe.cardNumber();
                item.direction = swipe.direction().name();
                item.receivedAt = swipe.receivedAt();
            }
            case EntryDecided entry -> {
                item.building(entry.buildingId(), entry.occurredAt());
                item.cardNumber = entry.cardNumber();
                item.cardId = entry.cardId();
                item.cardStatus =
                        entry.cardStatus() == null ? null : entry.cardStatus().name();
                item.employeeId = entry.employeeId();
                item.direction = entry.direction().name();
                item.decision = entry.decision().name();
                item.reason = entry.reason().name();
                item.rule = entry.rule();
                item.policyVersion = entry.policyVersion();
                item.alarms = names(entry.alarms());
                item.receivedAt = entry.decidedAt();
                item.offline = entry.offline() ? Boolean.TRUE : null;
            }
            case ExitRecorded exit -> {
                item.building(exit.buildingId(), exit.occurredAt());
                item.cardNumber = exit.cardNumber();
                item.cardId = exit.cardId();
                item.employeeId = exit.employeeId();
                item.direction = "OUT";
                item.decision = "GRANTED";
                item.reason = "EXIT";
                item.alarms = names(exit.alarms());
                item.receivedAt = exit.recordedAt();
                item.offline = exit.offline() ? Boolean.TRUE : null;
            }
            case DoorStateChanged state -> {
                item.building(state.buildingId(), state.occurredAt());
                item.doorState = state.state().name();
            }
        }
        return item;
    }

    /** The row as the audit and live views read it; the key attributes stay in the adapter. */
    SwipeEntry toEntry() {
        return new SwipeEntry(
                eventId,
                type,
                doorId,
                buildingId,
                employeeId,
                cardNumber,
                cardId,
                cardStatus,
                direction,
                decision,
                reason,
                rule,
                policyVersion,
                doorState,
                alarms,
                occurredAt,
                receivedAt);
    }

    private void building(String id, Instant at) {
        buildingId = id;
        buildingDay = id == null ? null : buildingDay(id, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** The {@code byBuilding} partition of one building's events of one UTC day. */
    static String buildingDay(String buildingId, LocalDate day) {
        return buildingId + "#" + day;
    }

    private static List<String> names(List<AlarmType> alarms) {
        return alarms.isEmpty() ? null : alarms.stream().map(AlarmType::name).toList();
    }

    /** Fixed-width time first, so a door's events sort by time whatever the fraction digits of their instants. */
    static String sortKey(DoorEvent event) {
        return SortableInstantConverter.format(event.occurredAt()) + "#" + event.eventId();
    }

    @DynamoDbPartitionKey
    public String getDoorId() {
        return doorId;
    }

    public void setDoorId(String doorId) {
        this.doorId = doorId;
    }

    @DynamoDbSortKey
    @DynamoDbSecondarySortKey(indexNames = {BY_EMPLOYEE, BY_BUILDING})
    public String getOccurredAtEventId() {
        return occurredAtEventId;
    }

    public void setOccurredAtEventId(String occurredAtEventId) {
        this.occurredAtEventId = occurredAtEventId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_BUILDING)
    public String getBuildingDay() {
        return buildingDay;
    }

    public void setBuildingDay(String buildingDay) {
        this.buildingDay = buildingDay;
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

    public String getCardStatus() {
        return cardStatus;
    }

    public void setCardStatus(String cardStatus) {
        this.cardStatus = cardStatus;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_EMPLOYEE)
    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public Boolean getOffline() {
        return offline;
    }

    public void setOffline(Boolean offline) {
        this.offline = offline;
    }

    public String getPolicyVersion() {
        return policyVersion;
    }

    public void setPolicyVersion(String policyVersion) {
        this.policyVersion = policyVersion;
    }

    public String getDoorState() {
        return doorState;
    }

    public void setDoorState(String doorState) {
        this.doorState = doorState;
    }

    public List<String> getAlarms() {
        return alarms;
    }

    public void setAlarms(List<String> alarms) {
        this.alarms = alarms;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
