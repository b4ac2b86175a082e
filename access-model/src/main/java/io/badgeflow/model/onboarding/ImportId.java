package io.badgeflow.model.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An import is one delivery of a file, named by 128 bits in hex. An upload through the API gets a random id (the
 * same file uploaded tomorrow is a new dry run, which shows whatever changed since); a file dropped into the
 * bucket is named by its key and content ({@link #ofDrop}), so a redelivered notification is the same import, and
 * a file replaced under the same key is not.
 */
public final class ImportId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ImportId() {}

    /** A fresh id for an upload. */
    public static String random() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The id of a file dropped into the bucket under {@code key}. */
    public static String ofDrop(String key, byte[] content) {
        var named = key.getBytes(StandardCharsets.UTF_8);
        var both = new byte[named.length + 1 + content.length];
        System.arraycopy(named, 0, both, 0, named.length);
        System.arraycopy(content, 0, both, named.length + 1, content.length);
        return of(both);
    }

    /** The first 128 bits of the SHA-256 of {@code content}, in hex. */
    public static String of(byte[] content) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
