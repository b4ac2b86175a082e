package io.badgeflow.admin.deadletter;

import io.badgeflow.aws.delivery.DeliveryFailure;
import io.badgeflow.aws.s3.CommandDocumentKey;
import io.badgeflow.aws.s3.S3EventEnvelope;
import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.aws.s3.UnreadableEnvelopeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One dead letter as the API shows it: what it announced (the S3 objects, and the command ids their names
 * carry) and why it failed, read with the same envelope parser card-events uses. An unreadable body is shown
 * with the parser's complaint rather than hidden: it is often the very reason the message failed.
 */
record DeadLetterView(
        String messageId,
        Instant sentAt,
        int receiveCount,
        List<String> objectKeys,
        List<String> commandIds,
        String envelopeProblem,
        String reason,
        Long attempts,
        Instant firstFailedAt,
        Instant lastFailedAt) {

    static final String NO_REASON = "no reason recorded";

    static DeadLetterView of(DeadLetter letter, Optional<DeliveryFailure> failure) {
        List<StoredObject> objects;
        String problem = null;
        try {
            objects = S3EventEnvelope.objects(letter.body());
        } catch (UnreadableEnvelopeException unreadable) {
            objects = List.of();
            problem = unreadable.getMessage();
        }
        var keys = objects.stream().map(StoredObject::key).toList();
        var commandIds = keys.stream()
                .map(CommandDocumentKey::commandIdOf)
                .flatMap(Optional::stream)
                .toList();
        return new DeadLetterView(
                letter.messageId(),
                letter.sentAt(),
                letter.receiveCount(),
                keys,
                commandIds,
                problem,
                failure.map(DeliveryFailure::reason).orElse(NO_REASON),
                failure.map(DeliveryFailure::attempts).orElse(null),
                failure.map(DeliveryFailure::firstFailedAt).orElse(null),
                failure.map(DeliveryFailure::lastFailedAt).orElse(null));
    }
}
