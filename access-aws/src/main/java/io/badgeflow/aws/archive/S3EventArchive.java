package io.badgeflow.aws.archive;

import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.archive.ArchivedEvent;
import io.badgeflow.model.archive.ArchivedObject;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.door.DoorEvent;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The archive bucket: one gzip-compressed JSON-lines object per consumer batch and hour of the events' time (see
 * {@link ArchiveKeys}), each line a door event exactly as it travels on the stream ({@link MessageJson}). The
 * bucket encrypts with the stage key by default and keeps versions, so an overwrite by a re-read batch keeps the
 * previous copy for a while too.
 *
 * <p>The plain S3 client, not Spring Cloud AWS's S3Template: this adapter is shared by two deployables and stays
 * framework-free ({@code AdapterDependencyRuleTests}), and the listing needs pagination the template lacks
 * (docs/decisions/0014-spring-cloud-aws-templates.md).
 */
public final class S3EventArchive implements EventArchive {

    /** The object is the compressed file itself (no Content-Encoding), so a download is the .jsonl.gz as named. */
    static final String CONTENT_TYPE = "application/gzip";

    private final S3Client s3;
    private final String bucket;

    public S3EventArchive(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void store(String shardId, List<ArchivedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var first = batch.getFirst().sequenceNumber();
        var last = batch.getLast().sequenceNumber();
        var byHour = new TreeMap<Instant, List<DoorEvent>>();
        for (var archived : batch) {
            byHour.computeIfAbsent(ArchiveKeys.hourOf(archived.event().occurredAt()), hour -> new ArrayList<>())
                    .add(archived.event());
        }
        for (Map.Entry<Instant, List<DoorEvent>> hour : byHour.entrySet()) {
            var key = ArchiveKeys.key(hour.getKey(), shardId, first, last);
            // S3Client: S3Template.upload would first copy each small object into a fresh 5 MB buffer (its minimum).
            s3.putObject(
                    r -> r.bucket(bucket).key(key).contentType(CONTENT_TYPE),
                    RequestBody.fromBytes(gzipLines(hour.getValue())));
        }
    }

    @Override
    public void read(Instant from, Instant to, Consumer<ArchivedObject> visitor) {
        for (var hour = ArchiveKeys.hourOf(from); hour.isBefore(to); hour = hour.plusSeconds(3600)) {
            var prefix = ArchiveKeys.hourPrefix(hour);
            // S3Client: S3Template.listObjects returns the first page (1,000 keys) only; an hour can hold more.
            var keys = s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .filter(key -> key.endsWith(ArchiveKeys.SUFFIX))
                    .sorted(ArchiveKeys.ARCHIVE_ORDER)
                    .toList();
            for (var key : keys) {
                visitor.accept(new ArchivedObject(key, eventsOf(key, from, to)));
            }
        }
    }

    private List<DoorEvent> eventsOf(String key, Instant from, Instant to) {
        var events = new ArrayList<DoorEvent>();
        // S3Client: the template's download() would do the same GET, but this shared adapter stays framework-free.
        try (var body = s3.getObject(r -> r.bucket(bucket).key(key));
                var lines = new BufferedReader(new InputStreamReader(gunzip(body), StandardCharsets.UTF_8))) {
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                var event = MessageJson.readDoorEvent(line.getBytes(StandardCharsets.UTF_8));
                if (!event.occurredAt().isBefore(from) && event.occurredAt().isBefore(to)) {
                    events.add(event);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading archive object " + key, e);
        }
        return events;
    }

    private static InputStream gunzip(InputStream body) throws IOException {
        return new GZIPInputStream(body, 64 * 1024);
    }

    static byte[] gzipLines(List<DoorEvent> events) {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            for (var event : events) {
                gzip.write(MessageJson.write(event));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("compressing an archive batch in memory", e);
        }
        return bytes.toByteArray();
    }
}
