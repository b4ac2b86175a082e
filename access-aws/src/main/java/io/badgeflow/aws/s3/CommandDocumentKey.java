package io.badgeflow.aws.s3;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import java.util.Optional;

/**
 * Where a command's document lives in the commands bucket, {@code commands/<commandId>.json}: written by
 * admin-service, read back by card-events. The bucket's notification filters on the same prefix and suffix.
 */
public final class CommandDocumentKey {

    private static final String PREFIX = "commands/";
    private static final String SUFFIX = ".json";

    private CommandDocumentKey() {}

    public static String of(String commandId) {
        return PREFIX + Require.id("commandId", commandId) + SUFFIX;
    }

    /** The command id a key names, or empty when the key is not a command document's. */
    public static Optional<String> commandIdOf(String key) {
        if (key == null || !key.startsWith(PREFIX) || !key.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Require.id("commandId", key.substring(PREFIX.length(), key.length() - SUFFIX.length())));
        } catch (InvalidFieldException notAnId) {
            return Optional.empty();
        }
    }
}
