package io.badgeflow.model.door;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A door device's API key as presented on the wire: 256 random bits, base64url. Shown once when issued, then
 * only its hash is kept. {@link #toString()} never prints the key.
 */
public final class DeviceKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 512;

    private final String value;

    private DeviceKey(String value) {
        this.value = value;
    }

    public static DeviceKey generate() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new DeviceKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The key a device presented; empty or absurdly long input is no key at all. */
    public static DeviceKey presented(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return null;
        }
        return new DeviceKey(value.strip());
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "DeviceKey[hidden]";
    }
}
