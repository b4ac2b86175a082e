package io.badgeflow.cardevents.aws;

import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.delivery.DocumentTooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads an announced object, refusing one larger than a limit before its body is read. */
final class S3Reads {

    record Read(byte[] bytes, Map<String, String> metadata) {}

    private S3Reads() {}

    static Read bounded(S3Client s3, StoredObject object, long maxBytes) {
        // S3Client: one versioned GET gives size, metadata and body; S3Template's download() needs a HEAD, no version
        try (var stream = s3.getObject(request -> {
            request.bucket(object.bucket()).key(object.key());
            if (object.versionId() != null) {
                request.versionId(object.versionId());
            }
        })) {
            var size = stream.response().contentLength();
            if (size != null && size > maxBytes) {
                stream.abort();
                throw new DocumentTooLargeException(object.key(), size, maxBytes);
            }
            return new Read(stream.readAllBytes(), stream.response().metadata());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + object.key(), e);
        }
    }
}
