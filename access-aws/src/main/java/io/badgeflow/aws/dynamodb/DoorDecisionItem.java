package io.badgeflow.aws.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * Row of the door decisions table: a decision that moved no presence, on its way to the swipe stream through the
 * table's change capture. Nothing reads it back; it expires with the stream's retention.
 */
@DynamoDbBean
public class DoorDecisionItem {

    private String eventId;
    private String decisionEvent;
    private Long expiresAt;

    static DoorDecisionItem of(String eventId, String decisionEvent, Instant expiresAt) {
        var item = new DoorDecisionItem();
        item.eventId = eventId;
        item.decisionEvent = decisionEvent;
        item.expiresAt = expiresAt.getEpochSecond();
        return item;
    }

    @DynamoDbPartitionKey
    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getDecisionEvent() {
        return decisionEvent;
    }

    public void setDecisionEvent(String decisionEvent) {
        this.decisionEvent = decisionEvent;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
