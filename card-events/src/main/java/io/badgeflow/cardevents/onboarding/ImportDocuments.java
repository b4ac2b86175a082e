package io.badgeflow.cardevents.onboarding;

import io.badgeflow.aws.s3.StoredObject;

/** Port: an uploaded HR export and who uploaded it. Failures are transient (the message is retried). */
public interface ImportDocuments {

    /**
     * The file, its uploader and its name as uploaded; uploader and name are unknown ({@code null}) for a file
     * dropped into the bucket, the name also for an upload that had none. {@code fullExport}: the upload was marked
     * as a full export (admin-service's {@code fullExport=true}).
     */
    record ImportDocument(byte[] content, String uploadedBy, String fileName, boolean fullExport) {}

    /** @throws io.badgeflow.cardevents.delivery.DocumentTooLargeException larger than {@code maxBytes} */
    ImportDocument load(StoredObject object, long maxBytes);
}
