package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.presence.Presence;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Row of the presence table: one employee in one building. {@code insideBuildingId} is set only while the
 * employee is inside, so the sparse {@code insideByBuilding} index holds exactly who is inside each building:
 * the muster list is one query and occupancy is its count, with no counter item for every door to contend on.
 * {@code decisionEvent} is set only by the decision path's write: the JSON of the door event that moved the
 * presence, which the table's change capture carries to the swipe stream (docs/decisions/0015). Any other write
 * leaves it out, so its change record carries no decision.
 */
@DynamoDbBean
public class PresenceItem {

    static final String INSIDE_BY_BUILDING = "insideByBuilding";

    private String employeeId;
    private String buildingId;
    private Boolean inside;
    private String insideBuildingId;
    private String lastDoorId;
    private Instant since;
    private String lastEventId;
    private Long version;
    private String decisionEvent;

    static PresenceItem from(Presence presence) {
        var item = new PresenceItem();
        item.employeeId = presence.employeeId();
        item.buildingId = presence.buildingId();
        item.inside = presence.inside();
        item.insideBuildingId = presence.inside() ? presence.buildingId() : null;
        item.lastDoorId = presence.lastDoorId();
        item.since = presence.since();
        item.lastEventId = presence.lastEventId();
        item.version = presence.version();
        return item;
    }

    Presence toPresence() {
        return new Presence(
                employeeId,
                buildingId,
                Boolean.TRUE.equals(inside),
                lastDoorId,
                since,
                lastEventId,
                version == null ? 0 : version);
    }

    @DynamoDbPartitionKey
    @DynamoDbSecondarySortKey(indexNames = INSIDE_BY_BUILDING)
    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    @DynamoDbSortKey
    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    public Boolean getInside() {
        return inside;
    }

    public void setInside(Boolean inside) {
        this.inside = inside;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = INSIDE_BY_BUILDING)
    public String getInsideBuildingId() {
        return insideBuildingId;
    }

    public void setInsideBuildingId(String insideBuildingId) {
        this.insideBuildingId = insideBuildingId;
    }

    public String getLastDoorId() {
        return lastDoorId;
    }

    public void setLastDoorId(String lastDoorId) {
        this.lastDoorId = lastDoorId;
    }

    public Instant getSince() {
        return since;
    }

    public void setSince(Instant since) {
        this.since = since;
    }

    public String getLastEventId() {
        return lastEventId;
    }

    public void setLastEventId(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    public String getDecisionEvent() {
        return decisionEvent;
    }

    public void setDecisionEvent(String decisionEvent) {
        this.decisionEvent = decisionEvent;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
