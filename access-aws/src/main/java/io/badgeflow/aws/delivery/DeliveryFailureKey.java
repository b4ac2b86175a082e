package io.badgeflow.aws.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a recorded failure, {@code <source queue name>#<sha256 hex of the body>}: the body is all that a
 * message keeps on its way to the dead-letter queue (its id does not survive a redrive), and the queue name
 * keeps equal bodies on different queues apart. The operator script computes the same key.
 */
public final class DeliveryFailureKey {

    private DeliveryFailureKey() {}

    public static String of(String queue, String body) {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("queue must be set");
        }
        return queue + "#" + sha256(body == null ? "" : body);
    }

    /** The queue name of an SQS queue ARN ({@code arn:aws:sqs:<region>:<account>:<name>}) or URL. */
    public static String queueName(String arnOrUrl) {
        if (arnOrUrl == null || arnOrUrl.isBlank()) {
            throw new IllegalArgumentException("no queue ARN or URL");
        }
        var trimmed = arnOrUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.substring(Math.max(trimmed.lastIndexOf(':'), trimmed.lastIndexOf('/')) + 1);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
