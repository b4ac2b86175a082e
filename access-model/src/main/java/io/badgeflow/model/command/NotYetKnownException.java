package io.badgeflow.model.command;

import io.badgeflow.model.RejectionReason;
import java.util.Objects;

/**
 * The command names a record that is not (yet) there. Delivery is unordered, so a LinkCard may overtake the
 * RegisterEmployee it depends on: the applier retries such a command for a while and rejects it with
 * {@link #reason()} only once it is older than the wait.
 */
public final class NotYetKnownException extends RuntimeException {

    private final RejectionReason reason;

    public NotYetKnownException(RejectionReason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static NotYetKnownException employee(String employeeId) {
        return new NotYetKnownException(RejectionReason.EMPLOYEE_NOT_FOUND, "no employee " + employeeId);
    }

    public static NotYetKnownException card(String cardId) {
        return new NotYetKnownException(RejectionReason.CARD_NOT_FOUND, "no card " + cardId);
    }

    public static NotYetKnownException building(String buildingId) {
        return new NotYetKnownException(RejectionReason.BUILDING_NOT_FOUND, "no building " + buildingId);
    }

    public static NotYetKnownException door(String doorId) {
        return new NotYetKnownException(RejectionReason.DOOR_NOT_FOUND, "no door " + doorId);
    }

    public RejectionReason reason() {
        return reason;
    }
}
