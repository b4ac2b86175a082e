package io.badgeflow.model.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The secrets one webhook subscription signs with: the current one, and after a rotation the previous one until its
 * grace period ends, so a receiver has that long to switch (both are sent as two {@code v1} values meanwhile).
 * Held decrypted only in memory; the stored form is encrypted (docs/alarm-webhooks.md).
 */
public record WebhookSecrets(String current, String previous, Instant previousUntil) {

    /** How long a rotated-out secret still signs: a day, time for a receiver's deployment to pick up the new one. */
    public static final Duration GRACE = Duration.ofHours(24);

    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecrets {
        Objects.requireNonNull(current, "current");
        if ((previous == null) != (previousUntil == null)) {
            throw new IllegalArgumentException("a previous secret comes with the end of its grace period");
        }
    }

    /** A new secret: {@code whsec_} and 32 random bytes, base64url. Shown once, to whoever created it. */
    public static String generate() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static WebhookSecrets first(String secret) {
        return new WebhookSecrets(secret, null, null);
    }

    /** After a rotation at {@code at}: {@code next} signs, and the current one too until the grace period ends. */
    public WebhookSecrets rotate(String next, Instant at) {
        return new WebhookSecrets(next, current, at.plus(GRACE));
    }

    /** The secrets a delivery at {@code at} is signed with, current first. */
    public List<String> signingAt(Instant at) {
        return previous != null && at.isBefore(previousUntil) ? List.of(current, previous) : List.of(current);
    }
}
