package io.badgeflow.model.door;

/**
 * A device presented the key of another door: it is a real device, at the wrong place (a swapped reader, a
 * copied configuration). Told apart from an unknown key so the installer sees what to fix.
 */
public final class WrongDoorException extends RuntimeException {

    public WrongDoorException(String doorId) {
        super("the key presented belongs to another door than " + doorId);
    }
}
