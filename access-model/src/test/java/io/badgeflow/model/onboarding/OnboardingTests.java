package io.badgeflow.model.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.backoffice.InMemoryBackOfficeStore;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnboardingTests {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    private final InMemoryBackOfficeStore store = new InMemoryBackOfficeStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CommandApplier applier = new CommandApplier(store, store, clock, Duration.ofMinutes(2));
    private final Ledger ledger = new Ledger();
    private final Map<String, List<RowResult>> reports = new ConcurrentHashMap<>();
    private final Trail audit = new Trail();
    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Onboarding onboarding = new Onboarding(
            applier,
            ledger,
            (importId, results) -> {
                reports.put(importId, results);
                return "imports/" + importId + "/report.csv";
            },
            audit,
            workers,
            2,
            clock);

    @BeforeEach
    void aBuilding() {
        applier.apply(new RegisterBuilding("b-1", "hr", NOW, "HQ", "Head office", "UTC"), "k");
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void appliesEveryGoodRowAndReportsEveryRow() {
        var rows = List.of(
                row(1, "E-1", "C-1"),
                row(2, "E-2", "C-2"),
                ParsedRow.unreadable(3, "email must be an email address", new RowPerson("E-3", "Bad", "Row")),
                row(4, "E-4", "C-1"),
                row(5, "E-5", null));

        var summary = onboarding.run("imp", "imports/a.csv", HR, rows);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.rowsTotal()).isEqualTo(5);
        assertThat(summary.applied()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(reports.get("imp")).extracting(RowResult::rowNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(reports.get("imp").get(2).reason()).isEqualTo("INVALID_FIELD");
        // Rows 1 and 4 share a card number and run in parallel batches: either may win, the other is rejected.
        var sharing = List.of(reports.get("imp").get(0), reports.get("imp").get(3));
        assertThat(sharing).extracting(RowResult::reason).containsExactlyInAnyOrder(null, "CARD_NUMBER_TAKEN");
        assertThat(reports.get("imp").get(1).employeeId())
                .isEqualTo(rows.get(1).row().employeeId("imp"));
        assertThat(summary.reportKey()).isEqualTo("imports/imp/report.csv");
    }

    @Test
    void reportsWhomEachRowNamesAndWhoUploadedWhichFile() {
        var rows = List.of(
                row(1, "E-1", null),
                ParsedRow.unreadable(2, "email must be an email address", new RowPerson("E-2", "山田", "太郎")));

        var summary = onboarding.run("imp", "imports/a.csv", HR, rows);

        assertThat(reports.get("imp"))
                .extracting(RowResult::employeeNumber, RowResult::givenName, RowResult::familyName)
                .containsExactly(tuple("E-1", "Test", "Person"), tuple("E-2", "山田", "太郎"));
        assertThat(summary.uploadedBy()).isEqualTo("hr-admin");
        assertThat(summary.fileName()).isEqualTo("staff.csv");
    }

    @Test
    void appendsOneAuditBlockPerBatchHoldingEveryCommandOfIt() {
        onboarding.run(
                "imp", "imports/a.csv", HR, List.of(row(1, "E-1", "C-1"), row(2, "E-2", null), row(3, "E-3", null)));

        assertThat(audit.blocks.keySet()).containsExactlyInAnyOrder("import:imp:0:0", "import:imp:1:0");
        assertThat(audit.blocks.get("import:imp:0:0")).hasSize(3 + 2);
        assertThat(audit.blocks.get("import:imp:0:0"))
                .extracting(AuditEntry::actor)
                .containsOnly("hr-admin");
    }

    @Test
    void skipsTheBatchesARedeliveredImportFinishedBefore() {
        var rows = List.of(row(1, "E-1", null), row(2, "E-2", null), row(3, "E-3", null));
        ledger.started("imp", "imports/a.csv", HR, 3, NOW);
        ledger.batchFinished(
                "imp",
                0,
                List.of(
                        RowResult.applied(1, "earlier", RowPerson.NONE),
                        RowResult.applied(2, "earlier", RowPerson.NONE)));

        var summary = onboarding.run("imp", "imports/a.csv", HR, rows);

        assertThat(summary.applied()).isEqualTo(3);
        assertThat(store.employee(rows.get(0).row().employeeId("imp"))).isEmpty();
        assertThat(store.employee(rows.get(2).row().employeeId("imp"))).isPresent();
    }

    @Test
    void runningAnImportAgainChangesNothing() {
        var rows = List.of(row(1, "E-1", "C-1"), row(2, "E-2", "C-2"));
        onboarding.run("imp", "imports/a.csv", HR, rows);
        var employees = store.employees();
        ledger.batches.clear();

        var again = onboarding.run("imp", "imports/a.csv", HR, rows);

        assertThat(again.applied()).isEqualTo(2);
        assertThat(store.employees()).isEqualTo(employees);
        assertThat(audit.blocks).hasSize(1);
    }

    @Test
    void failsTheRunWhenABatchCannotBeWrittenAndResumesAfterwards() {
        var rows = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> row(i, "E-" + i, null))
                .toList();
        store.beforeEveryCommit(() -> {
            throw new IllegalStateException("store unavailable");
        });

        assertThatThrownBy(() -> onboarding.run("imp", "imports/a.csv", HR, rows))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("store unavailable");
        assertThat(ledger.find("imp")).get().extracting(ImportSummary::status).isEqualTo(ImportStatus.RUNNING);

        store.beforeEveryCommit(() -> {});
        assertThat(onboarding.run("imp", "imports/a.csv", HR, rows).applied()).isEqualTo(6);
    }

    @Test
    void recordsAFileThatIsNoImport() {
        onboarding.reject("imp", "imports/x.csv", HR, "not a CSV file");

        assertThat(ledger.find("imp")).get().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(ImportStatus.REJECTED);
            assertThat(summary.reason()).isEqualTo("not a CSV file");
        });
    }

    private static final ImportSource HR = new ImportSource("hr-admin", "staff.csv");

    private static ParsedRow row(int number, String employeeNumber, String cardNumber) {
        return ParsedRow.of(new OnboardingRow(
                number, employeeNumber, "Test", "Person", "t@example.com", null, List.of("HQ"), cardNumber, null));
    }

    /** The ledger's contract in memory: batch results keyed by batch, progress summed from them. */
    static final class Ledger implements ImportLedger {
        final Map<String, ImportSummary> summaries = new ConcurrentHashMap<>();
        final Map<String, Map<Integer, List<RowResult>>> batches = new ConcurrentHashMap<>();

        @Override
        public Optional<ImportSummary> find(String importId) {
            var summary = summaries.get(importId);
            if (summary == null) {
                return Optional.empty();
            }
            var results = results(importId);
            var applied = (int) results.stream().filter(RowResult::isApplied).count();
            return Optional.of(new ImportSummary(
                    importId,
                    summary.objectKey(),
                    summary.status(),
                    summary.rowsTotal(),
                    applied,
                    results.size() - applied,
                    summary.startedAt(),
                    summary.finishedAt(),
                    summary.reason(),
                    summary.reportKey(),
                    summary.uploadedBy(),
                    summary.fileName()));
        }

        @Override
        public Page<ImportSummary> recent(PageRequest page) {
            throw new UnsupportedOperationException("the API lists imports, not onboarding");
        }

        @Override
        public Instant started(String importId, String objectKey, ImportSource source, int rowsTotal, Instant at) {
            return summaries
                    .computeIfAbsent(
                            importId,
                            id -> new ImportSummary(
                                    id,
                                    objectKey,
                                    ImportStatus.RUNNING,
                                    rowsTotal,
                                    0,
                                    0,
                                    at,
                                    null,
                                    null,
                                    null,
                                    source.uploadedBy(),
                                    source.fileName()))
                    .startedAt();
        }

        @Override
        public Set<Integer> finishedBatches(String importId) {
            return Set.copyOf(batches.getOrDefault(importId, Map.of()).keySet());
        }

        @Override
        public void batchFinished(String importId, int batch, List<RowResult> results) {
            batches.computeIfAbsent(importId, id -> new ConcurrentHashMap<>()).put(batch, List.copyOf(results));
        }

        @Override
        public List<RowResult> results(String importId) {
            return batches.getOrDefault(importId, Map.of()).values().stream()
                    .flatMap(List::stream)
                    .sorted(Comparator.comparingInt(RowResult::rowNumber))
                    .toList();
        }

        @Override
        public void completed(String importId, String reportKey, Instant at) {
            summaries.computeIfPresent(
                    importId,
                    (id, s) -> new ImportSummary(
                            id,
                            s.objectKey(),
                            ImportStatus.COMPLETED,
                            s.rowsTotal(),
                            0,
                            0,
                            s.startedAt(),
                            at,
                            null,
                            reportKey,
                            s.uploadedBy(),
                            s.fileName()));
        }

        @Override
        public void rejected(String importId, String objectKey, ImportSource source, String reason, Instant at) {
            summaries.put(
                    importId,
                    new ImportSummary(
                            importId,
                            objectKey,
                            ImportStatus.REJECTED,
                            0,
                            0,
                            0,
                            at,
                            at,
                            reason,
                            null,
                            source.uploadedBy(),
                            source.fileName()));
        }
    }

    /** The trail's contract in memory: one block per block id. */
    static final class Trail implements AdminAuditTrail {
        final Map<String, List<AuditEntry>> blocks = new LinkedHashMap<>();

        @Override
        public synchronized boolean append(String blockId, List<AuditEntry> entries) {
            assertThat(entries).allSatisfy(e -> assertThat(e.status()).isNotEqualTo(CommandStatus.PENDING));
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
