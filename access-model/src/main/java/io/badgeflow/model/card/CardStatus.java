package io.badgeflow.model.card;

/** Where a card is in its life. LOST, REVOKED and SUPERSEDED are terminal: such a card never opens a door again. */
public enum CardStatus {
    /** In stock, linked to nobody. */
    ISSUED,
    ACTIVE,
    /** Blocked for now; ResumeCard makes it ACTIVE again. */
    SUSPENDED,
    LOST,
    REVOKED,
    /** Replaced by a newer card issued to the same employee. */
    SUPERSEDED;

    public boolean isTerminal() {
        return this == LOST || this == REVOKED || this == SUPERSEDED;
    }
}
