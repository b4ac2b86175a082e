package io.badgeflow.aws.json;

/** A document or record that is not one of our messages. Final: reading it again gives the same answer. */
public final class UnreadableMessageException extends RuntimeException {

    /** What was wrong, so callers can map it to their own reason codes. */
    public enum Kind {
        MALFORMED,
        UNKNOWN_TYPE,
        INVALID_FIELD
    }

    private final Kind kind;

    public UnreadableMessageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
