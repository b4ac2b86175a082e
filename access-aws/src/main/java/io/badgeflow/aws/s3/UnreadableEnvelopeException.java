package io.badgeflow.aws.s3;

/** An SQS message that is not an S3 -> SNS notification; it fails, and after retries rests in the DLQ. */
public final class UnreadableEnvelopeException extends RuntimeException {

    public UnreadableEnvelopeException(String message) {
        super(message);
    }
}
