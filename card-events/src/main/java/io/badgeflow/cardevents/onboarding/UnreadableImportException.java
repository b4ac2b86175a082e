package io.badgeflow.cardevents.onboarding;

/** A file that cannot be an import at all (not UTF-8 CSV, no usable header, too large): rejected for good. */
final class UnreadableImportException extends RuntimeException {

    UnreadableImportException(String message) {
        super(message, null, false, false);
    }
}
