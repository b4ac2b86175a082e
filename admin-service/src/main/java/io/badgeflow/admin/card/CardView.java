package io.badgeflow.admin.card;

import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import java.time.Instant;
import java.util.List;

/**
 * One card as the back office shows it, with the number and name of the employee holding it (null for a card in
 * stock, or an employee no longer on record).
 */
public record CardView(
        String cardId,
        String cardNumber,
        CardStatus status,
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        Instant validFrom,
        Instant validUntil,
        Instant issuedAt) {

    public static CardView of(Card card, PeopleNames.Known names) {
        return new CardView(
                card.cardId(),
                card.cardNumber(),
                card.status(),
                card.employeeId(),
                names.employeeNumber(card.employeeId()),
                names.givenName(card.employeeId()),
                names.familyName(card.employeeId()),
                card.validFrom(),
                card.validUntil(),
                card.issuedAt());
    }

    /** The views of these cards, with the holders' names joined in one batch read. */
    public static List<CardView> of(List<Card> cards, PeopleNames people) {
        var names = people.of(cards.stream().map(Card::employeeId).toList(), List.of());
        return cards.stream().map(card -> of(card, names)).toList();
    }
}
