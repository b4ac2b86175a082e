package io.badgeflow.model.offline;

import io.badgeflow.model.card.Card;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.grant.Schedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One card a door may open for, with the windows the entry rules judge at the moment of a swipe: the card's
 * validity (instants), the grant's dates (local dates in the building's time zone) and its weekly schedule. The
 * card is named by {@link #cardKey}, not by its number, so a list read off a door or out of a log does not hand
 * out card numbers; {@code cardId} and {@code employeeId} are ids only, as in every door event.
 *
 * @param cardKey the {@linkplain #cardKey(String, String) key} of the card number at this door
 * @param schedule null: the grant holds at every hour
 */
public record AllowListEntry(
        String cardKey,
        String cardId,
        String employeeId,
        Instant cardValidFrom,
        Instant cardValidUntil,
        LocalDate grantValidFrom,
        LocalDate grantValidUntil,
        Schedule schedule) {

    public AllowListEntry {
        if (cardKey == null || !cardKey.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a card key is 64 lowercase hex digits");
        }
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(employeeId, "employeeId");
    }

    /** The entry for {@code card} at {@code doorId}, with the windows of the card and of {@code grant}. */
    public static AllowListEntry of(String doorId, Card card, AccessGrant grant) {
        return new AllowListEntry(
                cardKey(doorId, card.cardNumber()),
                card.cardId(),
                card.employeeId(),
                card.validFrom(),
                card.validUntil(),
                grant.validFrom(),
                grant.validUntil(),
                grant.schedule());
    }

    /**
     * SHA-256 (lowercase hex) of the UTF-8 bytes of {@code doorId + "\n" + cardNumber}. The door id salts it, so
     * the lists of two doors cannot be joined by key and no table of precomputed keys serves every door. It is no
     * secret against a patient attacker (card numbers are short enough to try them all); it keeps the numbers out
     * of sight, while the door still matches a presented number with one hash.
     */
    public static String cardKey(String doorId, String cardNumber) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((doorId + "\n" + cardNumber).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
