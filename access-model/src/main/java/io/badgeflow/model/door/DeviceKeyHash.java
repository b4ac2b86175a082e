package io.badgeflow.model.door;

import io.badgeflow.model.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The stored form of a device key. A plain SHA-256 is enough because the keys are 256 random bits, not
 * passwords: there is nothing to guess, and a slow hash would eat the door's latency budget on every swipe.
 * Comparison is constant-time.
 */
public record DeviceKeyHash(String sha256Hex) {

    public DeviceKeyHash {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a device key hash is 64 lowercase hex digits");
        }
    }

    /** Checks a hash that arrives as text in a command, naming the field when it is not one. */
    public static String requireHex(String field, String value) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new InvalidFieldException(field, "must be 64 lowercase hex digits (the SHA-256 of the device key)");
        }
        return value;
    }

    public static DeviceKeyHash of(DeviceKey key) {
        return new DeviceKeyHash(HexFormat.of().formatHex(digest(key.reveal())));
    }

    public boolean matches(DeviceKey presented) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(sha256Hex), digest(presented.reveal()));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
