package io.badgeflow.admin.card;

import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import java.time.Instant;

/** One card as the back office shows it. */
public record CardView(
        String cardId,
        String cardNumber,
        CardStatus status,
        String employeeId,
        Instant validFrom,
        Instant validUntil,
        Instant issuedAt) {

    public static CardView of(Card card) {
        return new CardView(
                card.cardId(),
                card.cardNumber(),
                card.status(),
                card.employeeId(),
                card.validFrom(),
                card.validUntil(),
                card.issuedAt());
    }
}
