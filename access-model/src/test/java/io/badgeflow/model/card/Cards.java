package io.badgeflow.model.card;

import java.time.Instant;

/** Test-data builder for cards: {@code Cards.active().validUntil(..).build()}. */
public final class Cards {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-01T09:00:00Z");

    private CardStatus status = CardStatus.ACTIVE;
    private String employeeId = "emp-1";
    private Instant validFrom;
    private Instant validUntil;
    private Instant validitySetAt = ISSUED_AT;

    private Cards() {
    }

    public static Cards active() {
        return new Cards();
    }

    public static Cards inStock() {
        return new Cards().status(CardStatus.ISSUED).employeeId(null);
    }

    public static Cards in(CardStatus status) {
        return status == CardStatus.ISSUED ? inStock() : new Cards().status(status);
    }

    public Cards status(CardStatus value) {
        status = value;
        return this;
    }

    public Cards employeeId(String value) {
        employeeId = value;
        return this;
    }

    public Cards validFrom(Instant value) {
        validFrom = value;
        return this;
    }

    public Cards validUntil(Instant value) {
        validUntil = value;
        return this;
    }

    public Cards validitySetAt(Instant value) {
        validitySetAt = value;
        return this;
    }

    public Card build() {
        return new Card("card-1", "0042", status, employeeId, validFrom, validUntil, ISSUED_AT, validitySetAt, 3);
    }
}
