package io.badgeflow.admin.aws;

import io.awspring.cloud.s3.S3Operations;
import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.imports.ImportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Uploaded HR exports in the imports bucket, whose notification starts card-events' import function, and the
 * reports card-events writes to the reports bucket. Both buckets encrypt with the stage key by default.
 * {@code If-None-Match: *} makes storing a file whose name is taken a no-op, so an upload never replaces another.
 * A confirmation is a one-row CSV (header {@value #CONFIRMATION_HEADER}) so that it rides the same notification
 * ({@code imports/*.csv}) to card-events.
 */
@Component
class S3ImportFiles implements ImportFiles {

    /** card-events reads the uploader from this user metadata; a file dropped into the bucket has none. */
    static final String UPLOADED_BY = "uploaded-by";

    /** The file's name as uploaded, percent-encoded UTF-8: metadata travels as HTTP headers, which are ASCII. */
    static final String FILE_NAME = "file-name";

    /** card-events plans a file with {@code full-export: true} as a full export (whoever it leaves out leaves). */
    static final String FULL_EXPORT = "full-export";

    static final String CONFIRMATION_HEADER = "importId,fingerprint,confirmedBy,overrideLimit,reason";

    private final S3Client s3;
    private final S3Operations s3Template;
    private final String importsBucket;
    private final String reportsBucket;

    S3ImportFiles(S3Client s3, S3Operations s3Template, AdminServiceStack stack) {
        this.s3 = s3;
        this.s3Template = s3Template;
        this.importsBucket = stack.importsBucketName();
        this.reportsBucket = stack.reportsBucketName();
    }

    @Override
    public boolean store(String importId, byte[] csv, String uploadedBy, String fileName, boolean fullExport) {
        var key = ImportFiles.objectKey(importId);
        var metadata = new HashMap<String, String>();
        metadata.put(UPLOADED_BY, uploadedBy);
        if (fileName != null) {
            metadata.put(FILE_NAME, URLEncoder.encode(fileName, StandardCharsets.UTF_8));
        }
        if (fullExport) {
            metadata.put(FULL_EXPORT, "true");
        }
        try {
            // S3Client, not S3Template: the template has no conditional put (If-None-Match).
            s3.putObject(
                    request -> request.bucket(importsBucket)
                            .key(key)
                            .contentType("text/csv; charset=utf-8")
                            .metadata(metadata)
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
    public void confirm(String importId, String fingerprint, String confirmedBy, boolean overrideLimit, String reason) {
        var row = CONFIRMATION_HEADER + "\n"
                + String.join(
                        ",",
                        List.of(
                                quoted(importId),
                                quoted(fingerprint),
                                quoted(confirmedBy),
                                String.valueOf(overrideLimit),
                                quoted(reason == null ? "" : reason)))
                + "\n";
        s3.putObject(
                request -> request.bucket(importsBucket)
                        .key("imports/confirmations/" + importId + "-" + fingerprint + ".csv")
                        .contentType("text/csv; charset=utf-8"),
                RequestBody.fromString(row, StandardCharsets.UTF_8));
    }

    /** A CSV field in quotes, its quotes doubled (RFC 4180): commas and line breaks in a reason stay in it. */
    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public boolean exists(String importId) {
        return s3Template.objectExists(importsBucket, ImportFiles.objectKey(importId));
    }

    /** The resource's length is a HEAD, which also answers "no such report" before the body is asked for. */
    @Override
    public Optional<Download> report(String reportKey) {
        var report = s3Template.download(reportsBucket, reportKey);
        try {
            var length = report.contentLength();
            return Optional.of(new Download(report.getInputStream(), length));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading report " + reportKey, e);
        }
    }
}
