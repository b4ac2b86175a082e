package io.badgeflow.model.onboarding;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An import is named by its content: the first 128 bits of the file's SHA-256, in hex. The same file uploaded
 * twice, through the API or straight into the bucket, is the same import, so it cannot onboard anyone twice.
 */
public final class ImportId {

    private ImportId() {}

    public static String of(byte[] content) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
