package io.badgeflow.model.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Badgeflow-Signature} header of an outbound webhook: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>]}, each
 * {@code v1} the lowercase hex HMAC-SHA256 of {@code t + "." + body} under one of the subscription's secrets. Two
 * {@code v1} values are sent while a rotated secret's grace period runs (new first, then old), so a receiver that
 * still holds the old secret keeps verifying until it switches (Stripe's scheme). The timestamp is signed, so a
 * captured request replayed later fails the receiver's tolerance check. The secret is the UTF-8 bytes of the
 * {@code whsec_...} string as shown to the subscriber: nothing to decode on their side.
 */
public final class WebhookSignature {

    public static final String HEADER = "Badgeflow-Signature";
    /** What receivers should accept between the signed time and their clock (docs/alarm-webhooks.md). */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** The lowercase hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(body, "body");
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The header value for {@code body} sent at {@code at}, one {@code v1} per secret (current first). */
    public static String header(Instant at, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs a webhook");
        }
        var timestamp = at.getEpochSecond();
        var header = new StringBuilder("t=").append(timestamp);
        for (var secret : secrets) {
            header.append(",v1=").append(sign(secret, timestamp, body));
        }
        return header.toString();
    }

    /**
     * What a receiver does (docs/examples/webhook-receiver): true when the header's timestamp is within
     * {@code tolerance} of {@code now} and one of its {@code v1} values is the signature under {@code secret}.
     * Compared in constant time.
     */
    public static boolean verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (header == null || header.length() > 1000) {
            return false;
        }
        Long timestamp = null;
        var candidates = new ArrayList<String>();
        for (var part : header.split(",")) {
            var eq = part.indexOf('=');
            if (eq < 1) {
                return false;
            }
            var key = part.substring(0, eq).strip();
            var value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (key.equals("v1")) {
                candidates.add(value);
            }
        }
        if (timestamp == null
                || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()
                || candidates.isEmpty()) {
            return false;
        }
        var expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        var matched = false;
        for (var candidate : candidates) {
            // No early exit: every candidate is compared, in constant time each.
            matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }
}
