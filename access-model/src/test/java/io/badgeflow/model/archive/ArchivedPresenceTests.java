package io.badgeflow.model.archive;

import static io.badgeflow.model.archive.Passages.NINE;
import static io.badgeflow.model.archive.Passages.entry;
import static io.badgeflow.model.archive.Passages.exit;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.door.DoorEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ArchivedPresenceTests {

    /** Holds events in memory and answers a range like the S3 adapter: only events inside [from, to). */
    static final class InMemoryArchive implements EventArchive {
        final List<DoorEvent> events = new ArrayList<>();
        Instant askedFrom;
        Instant askedTo;

        @Override
        public void store(String shardId, List<ArchivedEvent> batch) {
            batch.forEach(archived -> events.add(archived.event()));
        }

        @Override
        public void read(Instant from, Instant to, Consumer<ArchivedObject> visitor) {
            askedFrom = from;
            askedTo = to;
            visitor.accept(new ArchivedObject(
                    "all",
                    events.stream()
                            .filter(e -> !e.occurredAt().isBefore(from)
                                    && e.occurredAt().isBefore(to))
                            .toList()));
        }
    }

    private final InMemoryArchive archive = new InMemoryArchive();

    @Test
    void readsTheLookBackWindowUpToAndIncludingTheMoment() {
        var at = NINE.plusSeconds(3600);
        archive.store("shard-0", List.of(new ArchivedEvent("1", entry("e1", "emp-1", "HQ", "door-a", at))));

        var report = new ArchivedPresence(archive, Duration.ofHours(24)).insideAt("HQ", at);

        assertThat(archive.askedFrom).isEqualTo(at.minus(Duration.ofHours(24)));
        assertThat(report.lookBackFrom()).isEqualTo(at.minus(Duration.ofHours(24)));
        assertThat(report.people()).containsExactly(new PersonInside("emp-1", "door-a", at));
        assertThat(report.eventsRead()).isEqualTo(1);
    }

    @Test
    void doesNotKnowSomeoneWhoEnteredBeforeTheLookBackWindow() {
        var at = NINE.plus(Duration.ofHours(30));
        archive.store(
                "shard-0",
                List.of(
                        new ArchivedEvent("1", entry("e1", "emp-old", "HQ", "door-a", NINE)),
                        new ArchivedEvent("2", entry("e2", "emp-new", "HQ", "door-a", at.minusSeconds(60))),
                        new ArchivedEvent("3", exit("x3", "emp-gone", "HQ", "door-a", at.minusSeconds(30)))));

        var report = new ArchivedPresence(archive, ArchivedPresence.DEFAULT_LOOK_BACK).insideAt("HQ", at);

        assertThat(report.people()).extracting(PersonInside::employeeId).containsExactly("emp-new");
        assertThat(report.eventsRead()).isEqualTo(2);
    }
}
