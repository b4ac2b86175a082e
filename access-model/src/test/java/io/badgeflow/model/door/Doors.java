package io.badgeflow.model.door;

/** Test-data doors: {@code Doors.twoWay("door-1", "HQ")}. */
public final class Doors {

    private static final DeviceKeyHash KEY = new DeviceKeyHash("ab".repeat(32));

    private Doors() {}

    public static Door twoWay(String doorId, String buildingId) {
        return of(doorId, buildingId, DoorCapability.BOTH);
    }

    public static Door entryOnly(String doorId, String buildingId) {
        return of(doorId, buildingId, DoorCapability.IN);
    }

    public static Door exitOnly(String doorId, String buildingId) {
        return of(doorId, buildingId, DoorCapability.OUT);
    }

    private static Door of(String doorId, String buildingId, DoorCapability capability) {
        return new Door(doorId, buildingId, "Door " + doorId, capability, KEY, 1);
    }
}
