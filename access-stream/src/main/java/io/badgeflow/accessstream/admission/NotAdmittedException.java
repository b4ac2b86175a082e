package io.badgeflow.accessstream.admission;

/**
 * A decision request refused before any store call: every slot was taken until its deadline (or the backlog was
 * full), or its deadline had passed already. Answered 503 with {@code Retry-After}.
 */
final class NotAdmittedException extends RuntimeException {

    /** Why it was refused; also the {@code reason} tag of the shed counter. */
    enum Reason {
        FULL("full"),
        EXPIRED("expired");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private final Reason reason;

    NotAdmittedException(Reason reason) {
        super("decision request not admitted: " + reason.tag, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
