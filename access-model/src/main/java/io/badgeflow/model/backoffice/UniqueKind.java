package io.badgeflow.model.backoffice;

import io.badgeflow.model.RejectionReason;

/** Values that one record at a time may hold, each claimed in the same transaction as the record that holds it. */
public enum UniqueKind {
    EMPLOYEE_NUMBER(RejectionReason.EMPLOYEE_NUMBER_TAKEN),
    CARD_NUMBER(RejectionReason.CARD_NUMBER_TAKEN);

    private final RejectionReason whenTaken;

    UniqueKind(RejectionReason whenTaken) {
        this.whenTaken = whenTaken;
    }

    public RejectionReason whenTaken() {
        return whenTaken;
    }
}
