package io.badgeflow.aws.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.archive.ArchivedEvent;
import io.badgeflow.model.archive.ArchivedObject;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.ExitRecorded;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

@ExtendWith(LocalAws.class)
class S3EventArchiveIntegrationTests {

    private static S3Client s3;
    private static String bucket;
    private static S3EventArchive archive;

    /** A day of its own per run, so the hour partitions hold only this test's objects. */
    private final Instant day = Instant.parse("2031-01-01T00:00:00Z")
            .plusSeconds(86_400L * (Math.floorMod(UUID.randomUUID().hashCode(), 3000)));

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        s3 = AwsClients.s3(aws);
        bucket = aws.output("ArchiveBucketName");
        archive = new S3EventArchive(s3, bucket);
    }

    @Test
    void storesABatchAsOneCompressedJsonLinesObjectPerHourOfTheEvents() throws IOException {
        var seven = day.plusSeconds(7 * 3600);
        archive.store(
                "shardId-000000000000",
                List.of(
                        new ArchivedEvent("101", door("d1", seven.plusSeconds(10))),
                        new ArchivedEvent("102", door("d2", seven.plusSeconds(3599))),
                        new ArchivedEvent("103", door("d3", seven.plusSeconds(3600)))));

        var keys = keysUnder("events/date=" + day.toString().substring(0, 10) + "/");
        assertThat(keys)
                .containsExactly(
                        ArchiveKeys.key(seven, "shardId-000000000000", "101", "103"),
                        ArchiveKeys.key(seven.plusSeconds(3600), "shardId-000000000000", "101", "103"));
        var lines = gunzip(s3.getObjectAsBytes(r -> r.bucket(bucket).key(keys.getFirst()))
                        .asByteArray())
                .split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"type\":\"DoorStateChanged\"", "\"eventId\":\"d1\"");
        assertThat(lines[1]).contains("\"eventId\":\"d2\"");
    }

    @Test
    void overwritesABatchStoredAgainInsteadOfKeepingItTwice() {
        var at = day.plusSeconds(9 * 3600);
        var batch = List.of(new ArchivedEvent("7", door("again-1", at)), new ArchivedEvent("8", door("again-2", at)));

        archive.store("shardId-000000000003", batch);
        archive.store("shardId-000000000003", batch);

        var read = readAll(at, at.plusSeconds(1));
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().events()).extracting(DoorEvent::eventId).containsExactly("again-1", "again-2");
    }

    @Test
    void readsARangeHourByHourInShardAndSequenceOrderWithOnlyTheEventsInside() {
        var ten = day.plusSeconds(10 * 3600);
        archive.store("shardId-000000000001", List.of(new ArchivedEvent("50", door("s1-late", ten.plusSeconds(5)))));
        archive.store(
                "shardId-000000000000",
                List.of(
                        new ArchivedEvent("900", door("s0-b", ten.plusSeconds(1))),
                        new ArchivedEvent("901", exit("s0-c", ten.plusSeconds(3600 + 30)))));
        archive.store(
                "shardId-000000000000",
                List.of(
                        new ArchivedEvent("80", door("s0-a", ten.plusSeconds(2))),
                        new ArchivedEvent("81", door("before", ten.minusSeconds(1)))));

        var read = readAll(ten, ten.plusSeconds(3600 + 31));

        assertThat(read)
                .extracting(ArchivedObject::key)
                .containsExactly(
                        ArchiveKeys.key(ten, "shardId-000000000000", "80", "81"),
                        ArchiveKeys.key(ten, "shardId-000000000000", "900", "901"),
                        ArchiveKeys.key(ten, "shardId-000000000001", "50", "50"),
                        ArchiveKeys.key(ten.plusSeconds(3600), "shardId-000000000000", "900", "901"));
        assertThat(read.stream().flatMap(o -> o.events().stream()).map(DoorEvent::eventId))
                .containsExactly("s0-a", "s0-b", "s1-late", "s0-c");
        assertThat(read.stream()
                        .flatMap(o -> o.events().stream())
                        .filter(e -> e instanceof ExitRecorded)
                        .findFirst()
                        .orElseThrow())
                .isEqualTo(exit("s0-c", ten.plusSeconds(3600 + 30)));
    }

    private List<ArchivedObject> readAll(Instant from, Instant to) {
        var read = new ArrayList<ArchivedObject>();
        archive.read(from, to, read::add);
        return read;
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    private static DoorStateChanged door(String eventId, Instant at) {
        return new DoorStateChanged(eventId, "door-1", "HQ", DoorState.OPENED, at);
    }

    private static ExitRecorded exit(String eventId, Instant at) {
        return new ExitRecorded(eventId, "door-1", "HQ", "0042", "card-1", "emp-1", List.of(), at, at);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
