package io.badgeflow.cardevents.aws;

import io.badgeflow.cardevents.erasure.PersonalCommandDocuments;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Finds the person's RegisterEmployee and UpdateEmployee documents through the commands table's {@code byEmployee}
 * index and deletes every version of each (ListObjectVersions on the exact key, then DeleteObjects by version id):
 * the bucket is versioned, so a plain delete would only hide the data behind a delete marker.
 */
class S3PersonalCommandDocuments implements PersonalCommandDocuments {

    private static final Set<String> PERSONAL = Set.of("RegisterEmployee", "UpdateEmployee");
    private static final String COMMANDS_PREFIX = "commands/";

    private final S3Client s3;
    private final CommandHistory history;

    S3PersonalCommandDocuments(S3Client s3, CommandHistory history) {
        this.s3 = s3;
        this.history = history;
    }

    @Override
    public int erase(String bucket, String employeeId) {
        var keys = new ArrayList<String>();
        String cursor = null;
        do {
            var page = history.ofEmployee(employeeId, new PageRequest(PageRequest.MAX_SIZE, cursor));
            page.items().stream()
                    .filter(record -> PERSONAL.contains(record.type()))
                    .map(CommandRecord::documentKey)
                    // an imported row's record names its HR file (imports bucket, its own lifecycle), not a document
                    .filter(key -> key != null && key.startsWith(COMMANDS_PREFIX))
                    .forEach(keys::add);
            cursor = page.next();
        } while (cursor != null);
        var deleted = 0;
        for (var key : keys) {
            var versions = versionsOf(bucket, key);
            if (!versions.isEmpty()) {
                s3.deleteObjects(
                        r -> r.bucket(bucket).delete(d -> d.objects(versions).quiet(true)));
                deleted++;
            }
        }
        return deleted;
    }

    /** Every version and delete marker of exactly {@code key} (the listing is by prefix). */
    private List<ObjectIdentifier> versionsOf(String bucket, String key) {
        var found = new ArrayList<ObjectIdentifier>();
        for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(key))) {
            page.versions().stream()
                    .filter(v -> key.equals(v.key()))
                    .forEach(v -> found.add(ObjectIdentifier.builder()
                            .key(key)
                            .versionId(v.versionId())
                            .build()));
            page.deleteMarkers().stream()
                    .filter(m -> key.equals(m.key()))
                    .forEach(m -> found.add(ObjectIdentifier.builder()
                            .key(key)
                            .versionId(m.versionId())
                            .build()));
        }
        return found;
    }
}
