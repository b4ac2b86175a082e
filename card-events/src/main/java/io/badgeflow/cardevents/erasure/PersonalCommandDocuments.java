package io.badgeflow.cardevents.erasure;

/**
 * The command documents that carried a person's name, email or department (RegisterEmployee, UpdateEmployee), found
 * through the person's command history. Erasing a person deletes them, every version, so the commands bucket keeps
 * no copy of what the tables no longer hold. Documents older than the command log's retention are no longer
 * listed; the bucket's lifecycle rule has expired them by then (docs/operations.md, "Erasure").
 */
public interface PersonalCommandDocuments {

    /**
     * Deletes every version of each such document of {@code employeeId} in {@code bucket}; idempotent.
     *
     * @return the number of documents deleted now
     */
    int erase(String bucket, String employeeId);
}
