package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorCapability;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * Row of the doors table. Holds the device key's hash only. {@code byBuilding} lists a building's doors; rows
 * written before doors had a name, capability and version read as a two-way door named after its id, version 1.
 */
@DynamoDbBean
public class DoorItem {

    /** The door a key hash opens: asked only when a device presents the key of another door (403, not 401). */
    static final String BY_KEY_HASH = "byKeyHash";

    static final TableSchema<DoorItem> SCHEMA = TableSchema.fromBean(DoorItem.class);
    static final String BY_BUILDING = "byBuilding";

    private String doorId;
    private String buildingId;
    private String name;
    private String capability;
    private String keyHash;
    private Long version;

    static DoorItem from(Door door) {
        var item = new DoorItem();
        item.doorId = door.doorId();
        item.buildingId = door.buildingId();
        item.name = door.name();
        item.capability = door.capability().name();
        item.keyHash = door.keyHash().sha256Hex();
        item.version = door.version();
        return item;
    }

    Door toDoor() {
        return new Door(
                doorId,
                buildingId,
                name == null ? doorId : name,
                capability == null ? DoorCapability.BOTH : DoorCapability.valueOf(capability),
                new DeviceKeyHash(keyHash),
                version == null ? 1 : version);
    }

    @DynamoDbPartitionKey
    @DynamoDbSecondarySortKey(indexNames = BY_BUILDING)
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCapability() {
        return capability;
    }

    public void setCapability(String capability) {
        this.capability = capability;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_KEY_HASH)
    public String getKeyHash() {
        return keyHash;
    }

    public void setKeyHash(String keyHash) {
        this.keyHash = keyHash;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
