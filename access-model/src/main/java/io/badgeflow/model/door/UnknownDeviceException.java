package io.badgeflow.model.door;

/** The caller did not prove it is the door it claims to be: unknown door, missing or wrong key. */
public final class UnknownDeviceException extends RuntimeException {

    public UnknownDeviceException() {
        super("unknown door or wrong device key");
    }
}
