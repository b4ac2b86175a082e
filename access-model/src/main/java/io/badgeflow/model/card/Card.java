package io.badgeflow.model.card;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import java.time.Instant;
import java.util.Objects;

/**
 * A physical credential: {@code cardNumber} is what readers present, {@code cardId} the back office's own id.
 * Every transition returns the next version or throws a {@link RejectedException} naming the broken rule.
 *
 * @param employeeId the employee it is linked to; kept on terminal cards as history, null when in stock
 * @param validitySetAt {@code occurredAt} of the command that set the window, so an older one cannot undo a newer
 */
public record Card(
        String cardId,
        String cardNumber,
        CardStatus status,
        String employeeId,
        Instant validFrom,
        Instant validUntil,
        Instant issuedAt,
        Instant validitySetAt,
        long version) {

    public Card {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validitySetAt, "validitySetAt");
        if ((status == CardStatus.ACTIVE || status == CardStatus.SUSPENDED) && employeeId == null) {
            throw new IllegalArgumentException("an " + status + " card is linked to an employee");
        }
        if (status == CardStatus.ISSUED && employeeId != null) {
            throw new IllegalArgumentException("a card in stock is linked to nobody");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A new card: linked to {@code employeeId} and ACTIVE at once, or in stock (ISSUED) without one. */
    public static Card issued(
            String cardId,
            String cardNumber,
            String employeeId,
            Instant validFrom,
            Instant validUntil,
            Instant issuedAt) {
        var status = employeeId == null ? CardStatus.ISSUED : CardStatus.ACTIVE;
        return new Card(cardId, cardNumber, status, employeeId, validFrom, validUntil, issuedAt, issuedAt, 1);
    }

    /** Whether the card is the one its employee holds now (ACTIVE or SUSPENDED). */
    public boolean isCurrent() {
        return status == CardStatus.ACTIVE || status == CardStatus.SUSPENDED;
    }

    public Card linkedTo(String employee) {
        requireNotTerminal();
        if (employeeId != null) {
            throw new RejectedException(
                    RejectionReason.CARD_ALREADY_LINKED,
                    "card " + cardId + " is already linked to employee " + employeeId);
        }
        return with(CardStatus.ACTIVE, employee);
    }

    /**
     * Back into stock. Only an ACTIVE card: a SUSPENDED one would leave its suspension behind in stock and open
     * doors again once linked, a way around ResumeCard.
     */
    public Card unlinked() {
        requireNotTerminal();
        if (employeeId == null) {
            throw new RejectedException(RejectionReason.CARD_NOT_LINKED, "card " + cardId + " is not linked");
        }
        if (status != CardStatus.ACTIVE) {
            throw new RejectedException(
                    RejectionReason.CARD_NOT_ACTIVE,
                    "card " + cardId + " is " + status + "; resume or revoke it instead of taking it back");
        }
        return with(CardStatus.ISSUED, null);
    }

    public Card suspended() {
        requireNotTerminal();
        if (status != CardStatus.ACTIVE) {
            throw new RejectedException(
                    RejectionReason.CARD_NOT_ACTIVE,
                    "card " + cardId + " is " + status + ", only an ACTIVE card can be suspended");
        }
        return with(CardStatus.SUSPENDED, employeeId);
    }

    public Card resumed() {
        requireNotTerminal();
        if (status != CardStatus.SUSPENDED) {
            throw new RejectedException(
                    RejectionReason.CARD_NOT_SUSPENDED,
                    "card " + cardId + " is " + status + ", only a SUSPENDED card can be resumed");
        }
        return with(CardStatus.ACTIVE, employeeId);
    }

    public Card lost() {
        requireNotTerminal();
        return with(CardStatus.LOST, employeeId);
    }

    public Card revoked() {
        requireNotTerminal();
        return with(CardStatus.REVOKED, employeeId);
    }

    public Card superseded() {
        requireNotTerminal();
        return with(CardStatus.SUPERSEDED, employeeId);
    }

    /** The next version with the window {@code from}-{@code until}, set by a command issued at {@code setAt}. */
    public Card withValidity(Instant from, Instant until, Instant setAt) {
        requireNotTerminal();
        if (setAt.isBefore(validitySetAt)) {
            throw new RejectedException(
                    RejectionReason.STALE_UPDATE,
                    "card " + cardId + " already has a validity window from a newer command (" + validitySetAt + ")");
        }
        return new Card(cardId, cardNumber, status, employeeId, from, until, issuedAt, setAt, version + 1);
    }

    /** Whether the card's window contains {@code moment}; an open end does not limit it. */
    public boolean isValidAt(Instant moment) {
        return (validFrom == null || !moment.isBefore(validFrom))
                && (validUntil == null || moment.isBefore(validUntil));
    }

    /** Whether the window contains {@code moment} or a later moment: it has not ended by then. */
    public boolean isValidAtOrAfter(Instant moment) {
        return validUntil == null || moment.isBefore(validUntil);
    }

    /** The same card stored as {@code next}: several changes of one transaction are written as one. */
    public Card atVersion(long next) {
        return new Card(cardId, cardNumber, status, employeeId, validFrom, validUntil, issuedAt, validitySetAt, next);
    }

    public void requireNotTerminal() {
        if (status.isTerminal()) {
            throw new RejectedException(
                    RejectionReason.CARD_TERMINAL, "card " + cardId + " is " + status + " and can no longer change");
        }
    }

    private Card with(CardStatus next, String employee) {
        return new Card(
                cardId, cardNumber, next, employee, validFrom, validUntil, issuedAt, validitySetAt, version + 1);
    }
}
