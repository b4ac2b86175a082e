package io.badgeflow.cardevents.delivery;

/** An S3 object an event notification announced. */
public record StoredObject(String bucket, String key, String versionId) {
}
