package io.badgeflow.cardevents.onboarding;

import io.badgeflow.aws.s3.StoredObject;

/** Port: an uploaded HR export and who uploaded it. Failures are transient (the message is retried). */
public interface ImportDocuments {

    /** The file and its uploader; the uploader is unknown ({@code null}) for a file dropped into the bucket. */
    record ImportDocument(byte[] content, String uploadedBy) {}

    /** @throws io.badgeflow.cardevents.delivery.DocumentTooLargeException larger than {@code maxBytes} */
    ImportDocument load(StoredObject object, long maxBytes);
}
