package io.badgeflow.model.erasure;

import static io.badgeflow.model.command.Commands.NOW;
import static io.badgeflow.model.command.Commands.grant;
import static io.badgeflow.model.command.Commands.newId;
import static io.badgeflow.model.command.Commands.registerBuilding;
import static io.badgeflow.model.command.Commands.registerEmployee;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.backoffice.InMemoryBackOfficeStore;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.paging.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndedAffiliationOffboardingTests {

    /** 8 December, 10:00 UTC: the first day still kept is 7 December (one day of grace). */
    private static final Instant RUN = Instant.parse("2026-12-08T10:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2026-12-08");

    private final InMemoryBackOfficeStore store = new InMemoryBackOfficeStore();
    private final CommandApplier applier =
            new CommandApplier(store, store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(2));
    private final Trail trail = new Trail();

    @BeforeEach
    void aHostWithAccessToHq() {
        applied(registerBuilding("HQ"));
        applied(registerEmployee().employeeId("host-1").employeeNumber("E-1").build());
        applied(grant("host-1", "HQ"));
    }

    @Test
    void offboardsTheVisitorsAndContractorsWhoseLastDayIsOverEverywhereAndAuditsEach() {
        register("vis-ended", Affiliation.visitor("host-1", null, TODAY.minusDays(3), TODAY.minusDays(2)));
        register("vis-grace", Affiliation.visitor("host-1", null, TODAY.minusDays(1), TODAY.minusDays(1)));
        register("vis-today", Affiliation.visitor("host-1", null, TODAY, TODAY));
        register("con-ended", Affiliation.contractor("Acme", null, null, TODAY.minusDays(30)));
        register("con-later", Affiliation.contractor("Acme", null, null, TODAY.plusDays(30)));

        var summary = offboarding(RUN, 10).run();

        assertThat(summary).isEqualTo(new OffboardingSummary(2, List.of(), false));
        for (var ended : List.of("vis-ended", "con-ended")) {
            assertThat(store.employees().get(ended).status()).isEqualTo(EmployeeStatus.OFFBOARDED);
            assertThat(store.card("card-" + ended).orElseThrow().status()).isEqualTo(CardStatus.REVOKED);
            assertThat(store.grantsOf(ended)).isEmpty();
            var entry = trail.blocks
                    .get(EndedAffiliationOffboarding.commandIdFor(ended))
                    .getFirst();
            assertThat(entry.commandType()).isEqualTo("OffboardEmployee");
            assertThat(entry.actor()).isEqualTo(RetentionSweep.ACTOR);
            assertThat(entry.status()).isEqualTo(CommandStatus.APPLIED);
            assertThat(entry.subjectId()).isEqualTo(ended);
        }
        for (var kept : List.of("vis-grace", "vis-today", "con-later", "host-1")) {
            assertThat(store.employees().get(kept).status()).as(kept).isEqualTo(EmployeeStatus.ACTIVE);
        }
    }

    @Test
    void aSecondRunChangesNothingEvenWhenTheListingStillShowsThePerson() {
        register("vis-ended", Affiliation.visitor("host-1", null, TODAY.minusDays(2), TODAY.minusDays(2)));
        offboarding(RUN, 10).run();
        var offboarded = store.employees().get("vis-ended");
        // an eventually consistent index may still list the person: the command log answers the second run
        var stale = new EndedAffiliationOffboarding(
                (kind, day, page) ->
                        new Page<>(kind == Affiliation.Kind.VISITOR ? List.of("vis-ended") : List.of(), null),
                applier,
                trail,
                Clock.fixed(RUN, ZoneOffset.UTC),
                10);

        var again = offboarding(RUN, 10).run();
        var staleRun = stale.run();

        assertThat(again).isEqualTo(new OffboardingSummary(0, List.of(), false));
        assertThat(staleRun.failed()).isEmpty();
        assertThat(store.employees().get("vis-ended")).isEqualTo(offboarded);
        assertThat(trail.blocks).hasSize(1);
    }

    @Test
    void stopsAtItsLimitAndTheNextRunContinues() {
        for (var i = 0; i < 3; i++) {
            register("vis-" + i, Affiliation.visitor("host-1", null, TODAY.minusDays(5), TODAY.minusDays(5)));
        }
        register("con-0", Affiliation.contractor("Acme", null, null, TODAY.minusDays(5)));

        var first = offboarding(RUN, 3).run();
        var second = offboarding(RUN, 3).run();

        assertThat(first).isEqualTo(new OffboardingSummary(3, List.of(), true));
        assertThat(second).isEqualTo(new OffboardingSummary(1, List.of(), false));
        assertThat(store.employees().values().stream()
                        .filter(e -> !e.affiliation().isEmployee()))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EmployeeStatus.OFFBOARDED));
    }

    @Test
    void theGraceKeepsALastDayUntilItHasEndedInTheWesternmostZone() {
        // 8 December ends at 9 December 12:00 UTC at UTC-12; the first run to offboard is from 10 December
        assertThat(EndedAffiliationOffboarding.firstDayKept(clock("2026-12-09T23:59:59Z")))
                .isEqualTo(TODAY);
        assertThat(EndedAffiliationOffboarding.firstDayKept(clock("2026-12-10T00:00:00Z")))
                .isEqualTo(TODAY.plusDays(1));
    }

    private static Clock clock(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private void register(String employeeId, Affiliation affiliation) {
        applied(new RegisterVisitor(
                newId(),
                "reception",
                NOW,
                employeeId,
                "V-" + employeeId,
                "Grace",
                "Hopper",
                null,
                affiliation,
                List.of("HQ"),
                "card-" + employeeId,
                "N-" + employeeId));
    }

    private void applied(Command command) {
        assertThat(applier.apply(command, "k").status()).as(command.type()).isEqualTo(CommandStatus.APPLIED);
    }

    /** The listing as the employees table's byAffiliation index keeps it, filtered to ACTIVE/INACTIVE people. */
    private EndedAffiliationOffboarding offboarding(Instant now, int limit) {
        EndedAffiliations ended = (kind, day, page) -> {
            var due = store.employees().values().stream()
                    .filter(e -> e.affiliation().kind() == kind)
                    .filter(e -> e.status() == EmployeeStatus.ACTIVE || e.status() == EmployeeStatus.INACTIVE)
                    .filter(e -> e.affiliation().validUntil().isBefore(day))
                    .sorted(Comparator.comparing((Employee e) -> e.affiliation().validUntil())
                            .thenComparing(Employee::employeeId))
                    .map(Employee::employeeId)
                    .toList();
            var from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
            var to = Math.min(due.size(), from + page.size());
            return new Page<>(due.subList(from, to), to < due.size() ? Integer.toString(to) : null);
        };
        return new EndedAffiliationOffboarding(ended, applier, trail, Clock.fixed(now, ZoneOffset.UTC), limit);
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
