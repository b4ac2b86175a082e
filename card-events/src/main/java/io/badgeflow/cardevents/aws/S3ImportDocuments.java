package io.badgeflow.cardevents.aws;

import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.onboarding.ImportDocuments;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads HR exports from the imports bucket. admin-service stores the uploading user's subject as the object's
 * {@code uploaded-by} metadata; a file dropped straight into the bucket has none.
 */
@Component
class S3ImportDocuments implements ImportDocuments {

    static final String UPLOADED_BY = "uploaded-by";

    private final S3Client s3;

    S3ImportDocuments(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public ImportDocument load(StoredObject object, long maxBytes) {
        var read = S3Reads.bounded(s3, object, maxBytes);
        return new ImportDocument(read.bytes(), read.metadata().get(UPLOADED_BY));
    }
}
