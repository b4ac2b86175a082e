package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** Row of the doors table. Holds the device key's hash only. */
@DynamoDbBean
public class DoorItem {

    private String doorId;
    private String buildingId;
    private String keyHash;

    static DoorItem from(Door door) {
        var item = new DoorItem();
        item.doorId = door.doorId();
        item.buildingId = door.buildingId();
        item.keyHash = door.keyHash().sha256Hex();
        return item;
    }

    Door toDoor() {
        return new Door(doorId, buildingId, new DeviceKeyHash(keyHash));
    }

    @DynamoDbPartitionKey
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

    public String getKeyHash() {
        return keyHash;
    }

    public void setKeyHash(String keyHash) {
        this.keyHash = keyHash;
    }
}
