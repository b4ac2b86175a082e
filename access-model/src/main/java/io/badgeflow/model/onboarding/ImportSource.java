package io.badgeflow.model.onboarding;

/**
 * Where an import came from, for the list of imports: who uploaded it (the token subject admin-service stored with
 * the file, or {@code imports-bucket} for a file dropped into the bucket) and the file's name on the uploader's
 * machine (null when the upload had none, as a plain {@code text/csv} body).
 */
public record ImportSource(String uploadedBy, String fileName) {

    public static final ImportSource UNKNOWN = new ImportSource(null, null);
}
