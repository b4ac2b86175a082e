package io.badgeflow.model.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.backoffice.InMemoryBackOfficeStore;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.grant.AccessGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HrSyncTests {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final ImportSource HR = new ImportSource("hr-admin", "staff.csv");
    private static final SyncOptions FULL = SyncOptions.PARTIAL.asFullExport();

    private final InMemoryBackOfficeStore store = new InMemoryBackOfficeStore();
    private final MovingClock clock = new MovingClock();
    private final CommandApplier applier = new CommandApplier(store, store, clock, Duration.ofMinutes(2));
    private final InMemoryImportLedger ledger = new InMemoryImportLedger();
    private final Map<String, List<RowResult>> reports = new ConcurrentHashMap<>();
    private final Map<String, SyncPlan> plans = new ConcurrentHashMap<>();
    private final Trail audit = new Trail();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    private HrSync sync(double maxOffboardShare) {
        return new HrSync(
                applier,
                this::roster,
                ledger,
                new ImportReports() {
                    @Override
                    public String write(String importId, List<RowResult> results) {
                        reports.put(importId, results);
                        return "imports/" + importId + "/report.csv";
                    }

                    @Override
                    public String writePlan(String importId, SyncPlan plan) {
                        plans.put(importId, plan);
                        return "imports/" + importId + "/plan.csv";
                    }
                },
                audit,
                workers,
                2,
                maxOffboardShare,
                clock);
    }

    @BeforeEach
    void buildings() {
        applier.apply(new RegisterBuilding("b-1", "hr", NOW, "HQ", "Head office", "UTC"), "k");
        applier.apply(new RegisterBuilding("b-2", "hr", NOW, "LAB", "Lab", "UTC"), "k");
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void theFirstFileCreatesEveryoneAndTheSameFileAgainPlansNothingButUnchanged() {
        var sync = sync(0.1);
        var rows = List.of(
                row(1, "E-1", "Ada", "a@x.io", "C-1", "HQ"),
                row(2, "E-2", "Bob", "b@x.io", null, "HQ;LAB"),
                row(3, "E-3", "Cy", "c@x.io", "C-3", ""));

        var planned = sync.plan("imp-1", "imports/a.csv", HR, rows, FULL);

        assertThat(planned.status()).isEqualTo(ImportStatus.PLANNED);
        assertThat(planned.plan().create()).isEqualTo(3);
        assertThat(store.employees()).isEmpty();
        var done = confirm(sync, "imp-1", rows, FULL, false);
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.applied()).isEqualTo(3);
        assertThat(byNumber("E-2").email()).isEqualTo("b@x.io");
        assertThat(buildingsOf("E-2")).containsExactly("HQ", "LAB");

        var again = sync.plan("imp-2", "imports/b.csv", HR, rows, FULL);

        assertThat(again.plan())
                .extracting(PlanCounts::create, PlanCounts::update, PlanCounts::offboard, PlanCounts::unchanged)
                .containsExactly(0, 0, 0, 3);
        var versions =
                store.employees().values().stream().map(Employee::version).toList();
        confirm(sync, "imp-2", rows, FULL, false);
        assertThat(store.employees().values().stream().map(Employee::version).toList())
                .isEqualTo(versions);
    }

    @Test
    void appliesChangedFieldsAndOffboardsWhoeverAFullExportLeavesOut() {
        var sync = sync(0.5);
        var first = List.of(
                row(1, "E-1", "Ada", "a@x.io", "C-1", "HQ"),
                row(2, "E-2", "Bob", "b@x.io", "C-2", "HQ"),
                row(3, "E-3", "Cy", "c@x.io", "C-3", "HQ;LAB"));
        sync.plan("imp-1", "imports/a.csv", HR, first, FULL);
        confirm(sync, "imp-1", first, FULL, false);
        var leaverCard = byNumber("E-3").currentCardId();
        var bobsOldCard = byNumber("E-2").currentCardId();
        var second = List.of(
                row(1, "E-1", "Ada", "ada@x.io", "C-1", "HQ"),
                row(2, "E-2", "Bob", "b@x.io", "C-22", "LAB"),
                row(3, "E-4", "Dee", "d@x.io", null, "HQ"));

        var planned = sync.plan("imp-2", "imports/b.csv", HR, second, FULL);

        assertThat(plans.get("imp-2").rows())
                .extracting(PlanRow::action, PlanRow::employeeNumber, PlanRow::givenName)
                .containsExactly(
                        tuple(PlanAction.UPDATE, "E-1", "Ada"),
                        tuple(PlanAction.UPDATE, "E-2", "Bob"),
                        tuple(PlanAction.CREATE, "E-4", "Dee"),
                        tuple(PlanAction.OFFBOARD, "E-3", "Cy"));
        assertThat(plans.get("imp-2").rows().get(0).changes())
                .containsExactly(new FieldChange("email", "a@x.io", "ada@x.io"));
        assertThat(plans.get("imp-2").rows().get(1).changes())
                .containsExactly(
                        new FieldChange("cardNumber", "C-2", "C-22"), new FieldChange("buildings", "HQ", "LAB"));
        assertThat(planned.plan().limitExceeded()).isFalse();

        var done = confirm(sync, "imp-2", second, FULL, false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(reports.get("imp-2")).extracting(RowResult::status).containsOnly(CommandStatus.APPLIED);
        assertThat(byNumber("E-1").email()).isEqualTo("ada@x.io");
        assertThat(store.card(bobsOldCard).orElseThrow().status()).isEqualTo(CardStatus.SUPERSEDED);
        assertThat(store.card(byNumber("E-2").currentCardId()).orElseThrow().cardNumber())
                .isEqualTo("C-22");
        assertThat(buildingsOf("E-2")).containsExactly("LAB");
        var leaver = store.employees().values().stream()
                .filter(e -> e.employeeNumber().equals("E-3"))
                .findFirst()
                .orElseThrow();
        assertThat(leaver.status()).isEqualTo(EmployeeStatus.OFFBOARDED);
        assertThat(store.card(leaverCard).orElseThrow().status()).isEqualTo(CardStatus.REVOKED);
        assertThat(store.grantsOf(leaver.employeeId())).isEmpty();
        assertThat(byNumber("E-4").givenName()).isEqualTo("Dee");
    }

    @Test
    void aPlanOverTheSafetyLimitAppliesOnlyWithAnOverride() {
        var sync = sync(0.1);
        var first = List.of(row(1, "E-1", "Ada", "a@x.io", null, ""), row(2, "E-2", "Bob", "b@x.io", null, ""));
        sync.plan("imp-1", "imports/a.csv", HR, first, FULL);
        confirm(sync, "imp-1", first, FULL, false);
        var second = List.of(row(1, "E-1", "Ada", "a@x.io", null, ""));

        var planned = sync.plan("imp-2", "imports/b.csv", HR, second, FULL);

        assertThat(planned.plan().offboardLimit()).isZero();
        assertThat(planned.plan().limitExceeded()).isTrue();
        assertThat(confirm(sync, "imp-2", second, FULL, false).status()).isEqualTo(ImportStatus.PLANNED);
        assertThat(byNumber("E-2").status()).isEqualTo(EmployeeStatus.ACTIVE);

        var overridden = confirm(sync, "imp-2", second, FULL, true);

        assertThat(overridden.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(overridden.limitOverridden()).isTrue();
        assertThat(store.employees().values())
                .filteredOn(e -> e.employeeNumber().equals("E-2"))
                .extracting(Employee::status)
                .containsExactly(EmployeeStatus.OFFBOARDED);
    }

    @Test
    void aPartialFileOffboardsNobody() {
        var sync = sync(1.0);
        var first = List.of(row(1, "E-1", "Ada", "a@x.io", null, ""), row(2, "E-2", "Bob", "b@x.io", null, ""));
        sync.plan("imp-1", "imports/a.csv", HR, first, SyncOptions.PARTIAL);
        confirm(sync, "imp-1", first, SyncOptions.PARTIAL, false);

        var planned = sync.plan(
                "imp-2", "imports/b.csv", HR, List.of(row(1, "E-1", "Ada", "a@x.io", null, "")), SyncOptions.PARTIAL);

        assertThat(planned.plan().offboard()).isZero();
        assertThat(planned.plan().unchanged()).isEqualTo(1);
    }

    @Test
    void aConfirmedPlanThatNoLongerMatchesThePeopleIsPlannedAgainNotApplied() {
        var sync = sync(1.0);
        var first = List.of(row(1, "E-1", "Ada", "a@x.io", null, ""), row(2, "E-2", "Bob", "b@x.io", null, ""));
        sync.plan("imp-1", "imports/a.csv", HR, first, FULL);
        confirm(sync, "imp-1", first, FULL, false);
        var second = List.of(row(1, "E-1", "Ada", "ada@x.io", null, ""), row(2, "E-2", "Bob", "bob@x.io", null, ""));
        var planned = sync.plan("imp-2", "imports/b.csv", HR, second, FULL);
        var ada = byNumber("E-1");
        applier.apply(
                new UpdateEmployee(
                        "manual", "admin", clock.instant(), ada.employeeId(), "E-1", "Ada", "King", "a@x.io", null),
                "k");

        var after = sync.apply(
                new ImportConfirmation("imp-2", planned.plan().fingerprint(), "hr-admin", false, null),
                HR,
                second,
                FULL);

        assertThat(after.status()).isEqualTo(ImportStatus.PLANNED);
        assertThat(after.plan().fingerprint()).isNotEqualTo(planned.plan().fingerprint());
        assertThat(after.reason())
                .contains("the people changed since plan " + planned.plan().fingerprint());
        assertThat(byNumber("E-2").email()).isEqualTo("b@x.io");
        assertThat(plans.get("imp-2").rows().getFirst().changes())
                .contains(new FieldChange("familyName", "King", "Person"));
    }

    @Test
    void duplicateNumbersAreRejectedAndTheirPersonIsNeitherUpdatedNorOffboarded() {
        var sync = sync(1.0);
        var first = List.of(row(1, "E-1", "Ada", "a@x.io", null, ""));
        sync.plan("imp-1", "imports/a.csv", HR, first, FULL);
        confirm(sync, "imp-1", first, FULL, false);
        var second = List.of(
                row(1, "E-1", "Ada", "one@x.io", null, ""),
                row(2, "E-2", "Bob", "b@x.io", "C-9", ""),
                row(3, "E-1", "Ada", "two@x.io", null, ""),
                row(4, "E-3", "Cy", "c@x.io", "C-9", ""));

        sync.plan("imp-2", "imports/b.csv", HR, second, FULL);

        assertThat(plans.get("imp-2").rows())
                .extracting(PlanRow::rowNumber, PlanRow::action, PlanRow::reason)
                .containsExactly(
                        tuple(1, PlanAction.REJECTED, Reconciliation.DUPLICATE_EMPLOYEE_NUMBER),
                        tuple(2, PlanAction.REJECTED, Reconciliation.DUPLICATE_CARD_NUMBER),
                        tuple(3, PlanAction.REJECTED, Reconciliation.DUPLICATE_EMPLOYEE_NUMBER),
                        tuple(4, PlanAction.REJECTED, Reconciliation.DUPLICATE_CARD_NUMBER));
        assertThat(plans.get("imp-2").rows().getFirst().message()).contains("rows 1, 3");
    }

    @Test
    void aRedeliveredConfirmationResumesWithoutApplyingTwice() {
        var sync = sync(1.0);
        var rows = List.of(
                row(1, "E-1", "Ada", "a@x.io", "C-1", "HQ"),
                row(2, "E-2", "Bob", "b@x.io", null, ""),
                row(3, "E-3", "Cy", "c@x.io", null, ""));
        var planned = sync.plan("imp-1", "imports/a.csv", HR, rows, FULL);
        var confirmation = new ImportConfirmation("imp-1", planned.plan().fingerprint(), "hr-admin", false, null);
        sync.apply(confirmation, HR, rows, FULL);
        var blocks = audit.blocks.size();
        ledger.crashedBeforeCompleting("imp-1", 1);

        var again = sync.apply(confirmation, HR, rows, FULL);

        assertThat(again.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(again.applied()).isEqualTo(3);
        assertThat(store.employees()).hasSize(3);
        assertThat(audit.blocks).hasSize(blocks);
    }

    @Test
    void rowsTheFileCannotReadAreRejectedWithWhomTheyName() {
        var sync = sync(1.0);
        var rows = List.of(ParsedRow.unreadable(1, "email must be an email address", new RowPerson("E-1", "山田", "太郎")));

        sync.plan("imp-1", "imports/a.csv", HR, rows, FULL);

        assertThat(plans.get("imp-1").rows())
                .extracting(PlanRow::employeeNumber, PlanRow::givenName, PlanRow::reason)
                .containsExactly(tuple("E-1", "山田", Reconciliation.INVALID_FIELD));
    }

    private ImportSummary confirm(HrSync sync, String importId, List<ParsedRow> rows, SyncOptions o, boolean over) {
        var fingerprint = ledger.find(importId).orElseThrow().plan().fingerprint();
        clock.tick();
        return sync.apply(new ImportConfirmation(importId, fingerprint, "hr-admin", over, null), HR, rows, o);
    }

    private Employee byNumber(String number) {
        return store.employees().values().stream()
                .filter(e -> e.employeeNumber().equals(number) && e.status() != EmployeeStatus.OFFBOARDED)
                .findFirst()
                .orElseThrow();
    }

    private List<String> buildingsOf(String number) {
        return store.grantsOf(byNumber(number).employeeId()).stream()
                .map(AccessGrant::buildingId)
                .sorted()
                .toList();
    }

    /** The roster a DynamoDB scan gives, from the store in memory. */
    private List<KnownPerson> roster() {
        var people = new ArrayList<KnownPerson>();
        for (var e : store.employees().values()) {
            if (e.status() == EmployeeStatus.OFFBOARDED) {
                continue;
            }
            var card = e.currentCardId() == null
                    ? null
                    : store.card(e.currentCardId()).orElseThrow();
            people.add(new KnownPerson(
                    e.employeeId(),
                    e.employeeNumber(),
                    e.givenName(),
                    e.familyName(),
                    e.email(),
                    e.department(),
                    e.status(),
                    e.version(),
                    e.currentCardId(),
                    card == null ? null : card.cardNumber(),
                    card == null ? null : card.validFrom(),
                    card == null ? null : card.validUntil(),
                    new TreeSet<>(store.grantsOf(e.employeeId()).stream()
                            .map(AccessGrant::buildingId)
                            .toList())));
        }
        return people;
    }

    private static ParsedRow row(
            int number, String employeeNumber, String givenName, String email, String cardNumber, String buildings) {
        return ParsedRow.of(new OnboardingRow(
                number,
                employeeNumber,
                givenName,
                "Person",
                email,
                null,
                buildings.isEmpty() ? List.of() : List.of(buildings.split(";")),
                cardNumber,
                cardNumber == null ? null : LocalDate.of(2027, 3, 31)));
    }

    /** A clock that moves on when asked, so a later confirmation's commands are newer than earlier ones. */
    static final class MovingClock extends Clock {
        private volatile Instant now = NOW;

        void tick() {
            now = now.plusSeconds(60);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** The trail's contract in memory: one block per block id. */
    static final class Trail implements AdminAuditTrail {
        final Map<String, List<AuditEntry>> blocks = new LinkedHashMap<>();

        @Override
        public synchronized boolean append(String blockId, List<AuditEntry> entries) {
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
