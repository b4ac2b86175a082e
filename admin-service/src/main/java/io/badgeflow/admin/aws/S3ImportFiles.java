package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.imports.ImportFiles;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Uploaded HR exports in the imports bucket, whose notification starts card-events' import function, and the
 * reports card-events writes to the reports bucket. Both buckets encrypt with the stage key by default.
 * {@code If-None-Match: *} makes storing a file whose name (its content hash) is taken a no-op, so a re-upload
 * neither replaces the first uploader nor announces the file a second time.
 */
@Component
class S3ImportFiles implements ImportFiles {

    /** card-events reads the uploader from this user metadata; a file dropped into the bucket has none. */
    static final String UPLOADED_BY = "uploaded-by";

    private final S3Client s3;
    private final String importsBucket;
    private final String reportsBucket;

    S3ImportFiles(S3Client s3, AdminServiceStack stack) {
        this.s3 = s3;
        this.importsBucket = stack.importsBucketName();
        this.reportsBucket = stack.reportsBucketName();
    }

    @Override
    public boolean store(String importId, byte[] csv, String uploadedBy) {
        var key = ImportFiles.objectKey(importId);
        try {
            s3.putObject(
                    request -> request.bucket(importsBucket)
                            .key(key)
                            .contentType("text/csv; charset=utf-8")
                            .metadata(Map.of(UPLOADED_BY, uploadedBy))
                            .ifNoneMatch("*"),
                    RequestBody.fromBytes(csv));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            // 409: a concurrent upload of the same file is being written; if it made it, this one is a re-upload
            if (e.statusCode() == 409 && exists(importId)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String importId) {
        try {
            s3.headObject(request -> request.bucket(importsBucket).key(ImportFiles.objectKey(importId)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Download> report(String reportKey) {
        try {
            var stream = s3.getObject(request -> request.bucket(reportsBucket).key(reportKey));
            return Optional.of(new Download(stream, stream.response().contentLength()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
