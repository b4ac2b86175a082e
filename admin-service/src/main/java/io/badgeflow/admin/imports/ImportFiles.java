package io.badgeflow.admin.imports;

import java.io.InputStream;
import java.util.Optional;

/**
 * Port: the uploaded HR exports and the confirmations of their plans, stored where card-events' import function
 * picks them up, and the plans and per-row reports it writes back.
 */
public interface ImportFiles {

    /** Where an uploaded file is stored: card-events imports every {@code imports/*.csv}. */
    static String objectKey(String importId) {
        return "imports/" + importId + ".csv";
    }

    /**
     * Stores the file as {@code imports/<importId>.csv} with its uploader, its name as uploaded (null when the
     * upload had none) and whether it is a full export, unless a file of that name is there already.
     *
     * @return true if the file was written now, false if it was there before (nothing was written)
     */
    boolean store(String importId, byte[] csv, String uploadedBy, String fileName, boolean fullExport);

    /**
     * Writes the confirmation of plan {@code fingerprint} as {@code imports/confirmations/<importId>-<fingerprint>.csv},
     * which card-events applies; writing the same confirmation again changes nothing.
     */
    void confirm(String importId, String fingerprint, String confirmedBy, boolean overrideLimit, String reason);

    /** Whether {@code imports/<importId>.csv} is stored: uploaded, so at least PENDING. */
    boolean exists(String importId);

    /** The plan or report at {@code reportKey} in the reports bucket, open for reading; empty when there is none. */
    Optional<Download> report(String reportKey);

    /**
     * An open download; whoever takes it closes {@code content}.
     *
     * @param contentLength the size in bytes, or null when unknown
     */
    record Download(InputStream content, Long contentLength) {}
}
