package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.building.Building;
import java.time.ZoneId;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** Row of the buildings table. A site has few buildings, so the list is a paged scan and needs no index. */
@DynamoDbBean
public class BuildingItem {

    static final TableSchema<BuildingItem> SCHEMA = TableSchema.fromBean(BuildingItem.class);

    private String buildingId;
    private String name;
    private String timeZone;
    private Long version;

    static BuildingItem from(Building building) {
        var item = new BuildingItem();
        item.buildingId = building.buildingId();
        item.name = building.name();
        item.timeZone = building.timeZone().getId();
        item.version = building.version();
        return item;
    }

    Building toBuilding() {
        return new Building(buildingId, name, ZoneId.of(timeZone), version);
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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
