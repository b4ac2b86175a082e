package io.badgeflow.aws.s3;

/** An S3 object an event notification announced. */
public record StoredObject(String bucket, String key, String versionId) {}
