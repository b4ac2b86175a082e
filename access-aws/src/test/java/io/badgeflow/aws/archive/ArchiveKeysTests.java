package io.badgeflow.aws.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveKeysTests {

    @Test
    void partitionsByTheEventsUtcDateAndHourAndNamesTheBatch() {
        assertThat(ArchiveKeys.key(Instant.parse("2026-12-06T07:59:59.999Z"), "shardId-000000000001", "4960", "4970"))
                .isEqualTo("events/date=2026-12-06/hour=07/shardId-000000000001-4960-4970.jsonl.gz");
        assertThat(ArchiveKeys.hourPrefix(Instant.parse("2026-12-31T23:00:00Z")))
                .isEqualTo("events/date=2026-12-31/hour=23/");
    }

    @Test
    void ordersAnHoursObjectsByShardThenFirstSequenceNumberAsANumber() {
        var keys = new ArrayList<>(List.of(
                ArchiveKeys.key(Instant.EPOCH, "shardId-000000000001", "5", "9"),
                ArchiveKeys.key(Instant.EPOCH, "shardId-000000000000", "100", "120"),
                ArchiveKeys.key(Instant.EPOCH, "shardId-000000000000", "99", "99")));

        keys.sort(ArchiveKeys.ARCHIVE_ORDER);

        assertThat(keys)
                .extracting(key -> key.substring(key.lastIndexOf('/') + 1))
                .containsExactly(
                        "shardId-000000000000-99-99.jsonl.gz",
                        "shardId-000000000000-100-120.jsonl.gz",
                        "shardId-000000000001-5-9.jsonl.gz");
    }

    @Test
    void refusesAShardIdThatWouldLeaveItsPartition() {
        assertThatThrownBy(() -> ArchiveKeys.key(Instant.EPOCH, "../x", "1", "2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
