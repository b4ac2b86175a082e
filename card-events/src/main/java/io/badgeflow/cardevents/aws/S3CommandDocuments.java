package io.badgeflow.cardevents.aws;

import io.badgeflow.cardevents.delivery.CommandDocuments;
import io.badgeflow.aws.s3.StoredObject;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads command documents from the commands bucket, at the version the event announced when it names one. */
@Component
class S3CommandDocuments implements CommandDocuments {

    private final S3Client s3;

    S3CommandDocuments(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public byte[] load(StoredObject object) {
        return s3.getObjectAsBytes(request -> {
            request.bucket(object.bucket()).key(object.key());
            if (object.versionId() != null) {
                request.versionId(object.versionId());
            }
        }).asByteArray();
    }
}
