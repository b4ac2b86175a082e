package io.badgeflow.model.command;

import io.badgeflow.model.Require;
import io.badgeflow.model.door.DeviceKeyHash;
import java.time.Instant;

/**
 * Replaces a door's device key; the old key stops working once this is applied. Only the new key's hash travels
 * here.
 */
public record RotateDoorKey(String commandId, String actor, Instant occurredAt, String doorId, String keyHash)
        implements Command {

    public RotateDoorKey {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        doorId = Require.id("doorId", doorId);
        keyHash = DeviceKeyHash.requireHex("keyHash", keyHash);
    }
}
