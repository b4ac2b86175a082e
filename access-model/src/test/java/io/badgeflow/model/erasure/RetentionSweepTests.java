package io.badgeflow.model.erasure;

import static io.badgeflow.model.command.Commands.NOW;
import static io.badgeflow.model.command.Commands.offboard;
import static io.badgeflow.model.command.Commands.registerEmployee;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.backoffice.InMemoryBackOfficeStore;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.paging.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionSweepTests {

    private static final Duration RETENTION = Duration.ofDays(365);
    private static final Instant LATER = NOW.plus(RETENTION).plusSeconds(60);

    private final InMemoryBackOfficeStore store = new InMemoryBackOfficeStore();
    private final CommandApplier applier =
            new CommandApplier(store, store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(2));
    private final Map<String, Instant> offboardedAt = new LinkedHashMap<>();
    private final Trail trail = new Trail();

    @Test
    void erasesOnlyThePeopleOffboardedLongerAgoThanTheRetentionAndAuditsEachWithTheReason() {
        registerAndOffboard("emp-old", "E-1", NOW);
        registerAndOffboard("emp-new", "E-2", LATER.minus(Duration.ofDays(10)));
        applier.apply(
                registerEmployee()
                        .employeeId("emp-active")
                        .employeeNumber("E-3")
                        .build(),
                "k");

        var summary = sweep(LATER, 10).run();

        assertThat(summary).isEqualTo(new SweepSummary(1, 0, List.of(), false));
        assertThat(store.employees().get("emp-old").status()).isEqualTo(EmployeeStatus.ERASED);
        assertThat(store.employees().get("emp-old").familyName()).isNull();
        assertThat(store.employees().get("emp-new").status()).isEqualTo(EmployeeStatus.OFFBOARDED);
        assertThat(store.employees().get("emp-active").status()).isEqualTo(EmployeeStatus.ACTIVE);
        var entry = trail.blocks.get(RetentionSweep.commandIdFor("emp-old")).getFirst();
        assertThat(entry.commandType()).isEqualTo("EraseEmployee");
        assertThat(entry.actor()).isEqualTo(RetentionSweep.ACTOR);
        assertThat(entry.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(entry.subjectId()).isEqualTo("emp-old");
        assertThat(entry.reason()).contains("retention of PT8760H");
    }

    @Test
    void stopsAtItsLimitAndTheNextRunContinuesWhereWorkRemains() {
        for (var i = 0; i < 5; i++) {
            registerAndOffboard("emp-" + i, "E-" + i, NOW.plusSeconds(i));
        }

        var first = sweep(LATER, 3).run();
        var second = sweep(LATER, 3).run();

        assertThat(first).isEqualTo(new SweepSummary(3, 0, List.of(), true));
        assertThat(second).isEqualTo(new SweepSummary(2, 0, List.of(), false));
        assertThat(store.employees().values())
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EmployeeStatus.ERASED));
    }

    @Test
    void aRepeatedRunOverAListingThatStillShowsErasedPeopleChangesNothing() {
        registerAndOffboard("emp-old", "E-1", NOW);
        sweep(LATER, 10).run();
        var erased = store.employees().get("emp-old");
        // an eventually consistent index may still list the person: the command log answers the second run
        RetentionSweep stale = new RetentionSweep(
                (cutoff, page) -> new Page<>(List.of("emp-old"), null),
                applier,
                trail,
                Clock.fixed(LATER, ZoneOffset.UTC),
                RETENTION,
                10);

        var summary = stale.run();

        assertThat(summary.failed()).isEmpty();
        assertThat(store.employees().get("emp-old")).isEqualTo(erased);
        assertThat(trail.blocks).hasSize(1);
    }

    private void registerAndOffboard(String employeeId, String number, Instant at) {
        applier.apply(
                registerEmployee().employeeId(employeeId).employeeNumber(number).build(), "k");
        applier.apply(offboard(employeeId), "k");
        offboardedAt.put(employeeId, at);
    }

    /** The listing as the employees table's index keeps it: offboarded, not erased, oldest first. */
    private RetentionSweep sweep(Instant now, int limit) {
        OffboardedPeople people = (cutoff, page) -> {
            var due = offboardedAt.entrySet().stream()
                    .filter(e -> e.getValue().isBefore(cutoff))
                    .filter(e -> store.employees().get(e.getKey()).status() == EmployeeStatus.OFFBOARDED)
                    .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .map(Map.Entry::getKey)
                    .toList();
            var from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
            var to = Math.min(due.size(), from + page.size());
            return new Page<>(due.subList(from, to), to < due.size() ? Integer.toString(to) : null);
        };
        return new RetentionSweep(people, applier, trail, Clock.fixed(now, ZoneOffset.UTC), RETENTION, limit);
    }

    private static final class Trail implements AdminAuditTrail {
        final Map<String, List<AuditEntry>> blocks = new LinkedHashMap<>();

        @Override
        public boolean append(String blockId, List<AuditEntry> entries) {
            return blocks.putIfAbsent(blockId, List.copyOf(entries)) == null;
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditBlock> latest(int limit) {
            return new ArrayList<>();
        }
    }
}
