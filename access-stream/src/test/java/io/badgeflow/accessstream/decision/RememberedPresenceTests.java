package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.InMemoryPresence;
import io.badgeflow.model.access.DecisionLog;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceKey;
import io.badgeflow.model.presence.PresenceLedger;
import io.badgeflow.model.presence.PresenceLedger.Replacement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RememberedPresenceTests {

    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

    private final CountingLedger store = new CountingLedger();
    private final List<DoorEvent> carried = new ArrayList<>();
    private final RememberedPresence presence = new RememberedPresence(
            store,
            new CarryingLog(store, carried),
            new AccessStreamProperties.Decisions(null, null, null, null, 0, null, 0));

    @Test
    void recallsWhatItWroteWithoutReading() {
        var unknown = Presence.unknown("emp-1", "HQ");
        var inside = unknown.entered("evt-1", "door-1", AT);

        assertThat(presence.replace(unknown, inside)).isTrue();

        assertThat(presence.recall("emp-1", "HQ")).contains(inside);
        assertThat(store.finds).isZero();
    }

    @Test
    void recallsWhatADecisionCommittedWithoutReadingAndForgetsALostCommit() {
        var unknown = Presence.unknown("emp-1", "HQ");
        var inside = unknown.entered("evt-1", "door-1", AT);
        var decided = new ExitRecorded("evt-1", "door-1", "HQ", "0042", null, "emp-1", List.of(), AT, AT);

        assertThat(presence.commitPassage(unknown, inside, decided)).isTrue();
        assertThat(presence.recall("emp-1", "HQ")).contains(inside);
        assertThat(carried).containsExactly(decided);

        assertThat(presence.commitPassage(unknown, inside, decided))
                .as("the version read moved")
                .isFalse();
        assertThat(store.finds).isZero();
        assertThat(presence.recall("emp-1", "HQ")).as("read again").contains(inside);
        assertThat(store.finds).isOne();
        assertThat(carried).hasSize(1);
    }

    @Test
    void prefetchesOnlyWhatItDoesNotRememberInOneReadAndRemembersTheAbsentAsUnknown() {
        var unknown = Presence.unknown("emp-1", "HQ");
        presence.replace(unknown, unknown.entered("evt-1", "door-1", AT));
        var other = Presence.unknown("emp-2", "HQ");
        store.replace(other, other.entered("evt-2", "door-1", AT));

        presence.prefetch(List.of(
                new PresenceKey("emp-1", "HQ"), new PresenceKey("emp-2", "HQ"), new PresenceKey("emp-3", "HQ")));

        assertThat(store.findAlls)
                .containsExactly(List.of(new PresenceKey("emp-2", "HQ"), new PresenceKey("emp-3", "HQ")));
        assertThat(presence.recall("emp-2", "HQ")).map(Presence::lastEventId).contains("evt-2");
        assertThat(presence.recall("emp-3", "HQ")).isEmpty();
        assertThat(store.finds).isZero();
    }

    @Test
    void remembersTheWrittenReplacementsAndForgetsTheUnwritten() {
        var first = Presence.unknown("emp-1", "HQ");
        var second = Presence.unknown("emp-2", "HQ");
        store.replace(second, second.entered("evt-elsewhere", "door-9", AT));

        var unwritten = presence.replaceAll(List.of(
                new Replacement(first, first.entered("evt-1", "door-1", AT)),
                new Replacement(second, second.entered("evt-2", "door-1", AT))));

        assertThat(unwritten)
                .extracting(replacement -> replacement.next().employeeId())
                .containsExactly("emp-2");
        assertThat(presence.recall("emp-1", "HQ")).map(Presence::lastEventId).contains("evt-1");
        assertThat(store.finds).isZero();
        assertThat(presence.recall("emp-2", "HQ"))
                .as("read again")
                .map(Presence::lastEventId)
                .contains("evt-elsewhere");
        assertThat(store.finds).isEqualTo(1);
    }

    @Test
    void aBatchedReadNeverTakesWhatItRemembersBackToAnOlderVersion() {
        var unknown = Presence.unknown("emp-1", "HQ");
        var inside = unknown.entered("evt-1", "door-1", AT);
        var outside = inside.left("evt-2", "door-1", AT.plusSeconds(60));
        presence.replace(unknown, inside);
        presence.replace(inside, outside);
        store.answerFindAllWith = List.of(inside);

        presence.findAll(List.of(new PresenceKey("emp-1", "HQ")));

        assertThat(presence.recall("emp-1", "HQ")).contains(outside);
    }

    /** Commits through the ledger and keeps what each successful commit carried. */
    private record CarryingLog(PresenceLedger ledger, List<DoorEvent> carried) implements DecisionLog {
        @Override
        public boolean commitPassage(Presence read, Presence next, DoorEvent decided) {
            return ledger.replace(read, next) && carried.add(decided);
        }

        @Override
        public void record(DoorEvent decided) {
            carried.add(decided);
        }
    }

    /** Presence in a map that counts its single and batched reads; a batched read's answer can be made stale. */
    private static final class CountingLedger implements PresenceLedger {
        private final InMemoryPresence stored = new InMemoryPresence();
        int finds;
        final List<List<PresenceKey>> findAlls = new ArrayList<>();
        List<Presence> answerFindAllWith;

        @Override
        public Optional<Presence> find(String employeeId, String buildingId) {
            finds++;
            return stored.find(employeeId, buildingId);
        }

        @Override
        public List<Presence> findAll(Collection<PresenceKey> keys) {
            findAlls.add(List.copyOf(keys));
            if (answerFindAllWith != null) {
                return answerFindAllWith;
            }
            return keys.stream()
                    .flatMap(key -> stored.find(key.employeeId(), key.buildingId()).stream())
                    .toList();
        }

        @Override
        public boolean replace(Presence read, Presence next) {
            return stored.replace(read, next);
        }

        @Override
        public List<Presence> inside(String buildingId) {
            return stored.inside(buildingId);
        }

        @Override
        public long occupancy(String buildingId) {
            return stored.occupancy(buildingId);
        }
    }
}
