package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.SwipeRecorded;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Row of the swipes table, keyed door + time so an auditor reads a door's swipes in order. The sort key ends
 * with the event id, which makes a redelivered event overwrite itself instead of adding a row.
 */
@DynamoDbBean
public class SwipeItem {

    private String doorId;
    private String occurredAtEventId;
    private String eventId;
    private String buildingId;
    private String cardNumber;
    private String direction;
    private Instant occurredAt;
    private Instant receivedAt;
    private Long expiresAt;

    static SwipeItem from(SwipeRecorded swipe, long expiresAtEpochSecond) {
        var item = new SwipeItem();
        item.doorId = swipe.doorId();
        item.occurredAtEventId = sortKey(swipe);
        item.eventId = swipe.eventId();
        item.buildingId = swipe.buildingId();
        item.cardNumber = swipe.cardNumber();
        item.direction = swipe.direction().name();
        item.occurredAt = swipe.occurredAt();
        item.receivedAt = swipe.receivedAt();
        item.expiresAt = expiresAtEpochSecond;
        return item;
    }

    /** Fixed-width time first, so a door's swipes sort by time whatever the fraction digits of their instants. */
    static String sortKey(SwipeRecorded swipe) {
        return SortableInstantConverter.format(swipe.occurredAt()) + "#" + swipe.eventId();
    }

    @DynamoDbPartitionKey
    public String getDoorId() {
        return doorId;
    }

    public void setDoorId(String doorId) {
        this.doorId = doorId;
    }

    @DynamoDbSortKey
    public String getOccurredAtEventId() {
        return occurredAtEventId;
    }

    public void setOccurredAtEventId(String occurredAtEventId) {
        this.occurredAtEventId = occurredAtEventId;
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

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
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
