package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.presence.AntiPassback;
import java.time.Instant;
import java.time.ZoneId;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * Row of the buildings table. A site has few buildings, so the list is a paged scan and needs no index. Rows
 * written before buildings had an anti-passback setting read as HARD, never set.
 */
@DynamoDbBean
public class BuildingItem {

    static final TableSchema<BuildingItem> SCHEMA = TableSchema.fromBean(BuildingItem.class);

    private String buildingId;
    private String name;
    private String timeZone;
    private String antiPassbackMode;
    private Integer antiPassbackMinutes;
    private Instant antiPassbackSetAt;
    private Long version;

    static BuildingItem from(Building building) {
        var item = new BuildingItem();
        item.buildingId = building.buildingId();
        item.name = building.name();
        item.timeZone = building.timeZone().getId();
        item.antiPassbackMode = building.antiPassback().mode().name();
        item.antiPassbackMinutes = building.antiPassback().mode() == AntiPassback.Mode.TIMED
                ? building.antiPassback().minutes()
                : null;
        item.antiPassbackSetAt = building.antiPassbackSetAt();
        item.version = building.version();
        return item;
    }

    Building toBuilding() {
        var antiPassback = antiPassbackMode == null
                ? AntiPassback.hard()
                : new AntiPassback(
                        AntiPassback.Mode.valueOf(antiPassbackMode),
                        antiPassbackMinutes == null ? 0 : antiPassbackMinutes);
        return new Building(buildingId, name, ZoneId.of(timeZone), antiPassback, antiPassbackSetAt, version);
    }

    @DynamoDbPartitionKey
    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getAntiPassbackMode() {
        return antiPassbackMode;
    }

    public void setAntiPassbackMode(String antiPassbackMode) {
        this.antiPassbackMode = antiPassbackMode;
    }

    /** Set for TIMED only. */
    public Integer getAntiPassbackMinutes() {
        return antiPassbackMinutes;
    }

    public void setAntiPassbackMinutes(Integer antiPassbackMinutes) {
        this.antiPassbackMinutes = antiPassbackMinutes;
    }

    public Instant getAntiPassbackSetAt() {
        return antiPassbackSetAt;
    }

    public void setAntiPassbackSetAt(Instant antiPassbackSetAt) {
        this.antiPassbackSetAt = antiPassbackSetAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
