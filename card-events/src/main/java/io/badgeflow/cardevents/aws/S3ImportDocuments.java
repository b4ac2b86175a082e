package io.badgeflow.cardevents.aws;

import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.onboarding.ImportDocuments;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads HR exports from the imports bucket. admin-service stores the uploading user's subject as the object's
 * {@code uploaded-by} metadata and the file's name, percent-encoded UTF-8 (metadata travels as HTTP headers), as
 * {@code file-name}, and {@code full-export: true} when the uploader marked it a full export; a file dropped straight
 * into the bucket has none of them.
 */
@Component
class S3ImportDocuments implements ImportDocuments {

    static final String UPLOADED_BY = "uploaded-by";
    static final String FILE_NAME = "file-name";
    static final String FULL_EXPORT = "full-export";

    private final S3Client s3;

    S3ImportDocuments(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public ImportDocument load(StoredObject object, long maxBytes) {
        var read = S3Reads.bounded(s3, object, maxBytes);
        return new ImportDocument(
                read.bytes(),
                read.metadata().get(UPLOADED_BY),
                fileName(read.metadata().get(FILE_NAME)),
                "true".equalsIgnoreCase(read.metadata().get(FULL_EXPORT)));
    }

    /** The decoded name; a value that is no percent-encoding (written by hand) is taken as it is. */
    static String fileName(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return encoded;
        }
    }
}
