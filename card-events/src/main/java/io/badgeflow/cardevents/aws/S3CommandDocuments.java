package io.badgeflow.cardevents.aws;

import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.delivery.CommandDocuments;
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
    public byte[] load(StoredObject object, long maxBytes) {
        return S3Reads.bounded(s3, object, maxBytes).bytes();
    }
}
