package io.badgeflow.model.card;

import java.time.Instant;

/** Test-data builder for cards: {@code Cards.active().validUntil(..).build()}. */
public final class Cards {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-01T09:00:00Z");

    private String cardId = "card-1";
    private String cardNumber = "0042";
    private CardStatus status = CardStatus.ACTIVE;
    private String employeeId = "emp-1";
    private Instant validFrom;
    private Instant validUntil;
    private Instant validitySetAt = ISSUED_AT;

    private Cards() {}

    public static Cards active() {
        return new Cards();
    }

    public static Cards inStock() {
        return new Cards().status(CardStatus.ISSUED).employeeId(null);
    }

    public static Cards in(CardStatus status) {
        return status == CardStatus.ISSUED ? inStock() : new Cards().status(status);
    }

    /** Another card than the default {@code card-1} / {@code 0042}. */
    public Cards number(String id, String number) {
        cardId = id;
        cardNumber = number;
        return this;
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
        return new Card(cardId, cardNumber, status, employeeId, validFrom, validUntil, ISSUED_AT, validitySetAt, 3);
    }
}
