package io.badgeflow.accessstream.decision;

import io.badgeflow.accessstream.limit.DoorRateLimit;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.SwipeIntake;
import io.badgeflow.model.door.UnknownDeviceException;
import io.badgeflow.model.door.WrongDoorException;

/**
 * How the door API lets a device in: its key is checked by the model ({@link SwipeIntake#authenticate}), a key the
 * door refused a moment ago is refused again from memory (so a wrong-key storm costs one store call per key, not
 * one per request), and an authenticated door then spends a token of its own rate limit. A refused request spends
 * no door token, so nobody without the key can lock a door out.
 */
public final class DoorGate {

    private final SwipeIntake intake;
    private final RefusedKeys memory;
    private final DoorRateLimit limit;

    public DoorGate(SwipeIntake intake, RefusedKeys memory, DoorRateLimit limit) {
        this.intake = intake;
        this.memory = memory;
        this.limit = limit;
    }

    /**
     * @param presentedKey the {@code X-Door-Key} header as sent, or null
     * @throws UnknownDeviceException the door is unknown, or the key is no door's (401)
     * @throws WrongDoorException the key is another door's (403)
     * @throws io.badgeflow.accessstream.limit.RateLimitedException the door is over its rate (429)
     */
    public Door admit(String doorId, String presentedKey) {
        var key = DeviceKey.presented(presentedKey);
        if (key == null) {
            // No key (or an empty or absurd one) opens no door: refused as the model would, without reading the door.
            throw new UnknownDeviceException();
        }
        var hash = DeviceKeyHash.of(key);
        memory.refusal(doorId, hash).ifPresent(refusal -> refuse(doorId, refusal));
        var generation = memory.generation();
        Door door;
        try {
            door = intake.authenticate(doorId, key);
        } catch (UnknownDeviceException e) {
            memory.remember(doorId, hash, RefusedKeys.Refusal.UNKNOWN_DEVICE, generation);
            throw e;
        } catch (WrongDoorException e) {
            memory.remember(doorId, hash, RefusedKeys.Refusal.WRONG_DOOR, generation);
            throw e;
        }
        limit.admit(door);
        return door;
    }

    private static void refuse(String doorId, RefusedKeys.Refusal refusal) {
        throw switch (refusal) {
            case UNKNOWN_DEVICE -> new UnknownDeviceException();
            case WRONG_DOOR -> new WrongDoorException(doorId);
        };
    }
}
