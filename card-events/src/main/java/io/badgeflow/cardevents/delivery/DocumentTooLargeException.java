package io.badgeflow.cardevents.delivery;

/** A stored document larger than its kind may be: rejected for good without being read. */
public final class DocumentTooLargeException extends RuntimeException {

    public DocumentTooLargeException(String key, long size, long maxBytes) {
        super(key + " is " + size + " bytes, more than the " + maxBytes + " a document may have", null, false, false);
    }
}
