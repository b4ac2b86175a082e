package io.badgeflow.aws.dynamodb;

import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.applied;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.card;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.door;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.employee;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.grant;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.BackOfficeStore.AlreadyRecordedException;
import io.badgeflow.model.backoffice.BackOfficeStore.ConcurrentChangeException;
import io.badgeflow.model.backoffice.BackOfficeStore.ValueTakenException;
import io.badgeflow.model.backoffice.Change;
import io.badgeflow.model.backoffice.Change.Claim;
import io.badgeflow.model.backoffice.Change.DeleteGrant;
import io.badgeflow.model.backoffice.Change.Release;
import io.badgeflow.model.backoffice.Change.SaveBuilding;
import io.badgeflow.model.backoffice.Change.SaveCard;
import io.badgeflow.model.backoffice.Change.SaveDoor;
import io.badgeflow.model.backoffice.Change.SaveEmployee;
import io.badgeflow.model.backoffice.Change.SaveGrant;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.backoffice.UniqueKind;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAws.class)
class DynamoDbBackOfficeStoreIntegrationTests {

    private static final Duration RETENTION = Duration.ofDays(90);

    private static DynamoDbClient dynamoDb;
    private static DynamoDbEnhancedClient enhanced;
    private static BackOfficeTables tables;
    private static DynamoDbBackOfficeStore store;
    private static DynamoDbCommandLog log;

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        dynamoDb = AwsClients.dynamoDb(aws);
        enhanced = AwsClients.enhanced(dynamoDb);
        tables = BackOfficeFixtures.tables(aws);
        store = new DynamoDbBackOfficeStore(enhanced, tables, RETENTION);
        log = new DynamoDbCommandLog(enhanced, tables.commands());
    }

    @Test
    void commitsEveryChangeWithTheCommandRecord() {
        var employee = employee("Ada", "Lovelace");
        var card = card(CardStatus.ACTIVE, employee.employeeId(), id("no"));
        var building = new Building(
                id("bldg"),
                "HQ",
                ZoneId.of("Europe/London"),
                AntiPassback.timed(30),
                Instant.parse("2026-11-24T08:00:00Z"),
                1);
        var door = door(building.buildingId(), "Lobby");
        var grant = grant(employee.employeeId(), building.buildingId());
        var record = applied("Setup", employee.employeeId(), card.cardId(), Instant.now());

        store.commit(
                List.of(
                        new SaveEmployee(employee),
                        new SaveCard(card),
                        new SaveBuilding(building),
                        new SaveDoor(door),
                        new SaveGrant(grant),
                        new Claim(UniqueKind.EMPLOYEE_NUMBER, employee.employeeNumber(), employee.employeeId()),
                        new Claim(UniqueKind.CARD_NUMBER, card.cardNumber(), card.cardId())),
                List.of(record));

        assertThat(store.employee(employee.employeeId())).contains(employee);
        assertThat(store.card(card.cardId())).contains(card);
        assertThat(store.building(building.buildingId())).contains(building);
        assertThat(store.door(door.doorId())).contains(door);
        assertThat(store.grant(employee.employeeId(), building.buildingId())).contains(grant);
        assertThat(store.grantsOf(employee.employeeId())).containsExactly(grant);
        assertThat(log.find(record.commandId())).contains(record);
        var employeeRow = row(tables.employees(), "employeeId", employee.employeeId());
        assertThat(employeeRow)
                .containsEntry("version", AttributeValue.fromN("1"))
                .containsEntry("listKey", AttributeValue.fromS("EMPLOYEE"))
                .containsEntry("sortName", AttributeValue.fromS("lovelace ada#" + employee.employeeId()));
        assertThat(row(tables.buildings(), "buildingId", building.buildingId()))
                .containsEntry("antiPassbackMode", AttributeValue.fromS("TIMED"))
                .containsEntry("antiPassbackMinutes", AttributeValue.fromN("30"));
        assertThat(row(tables.cards(), "cardId", card.cardId()))
                .containsEntry("listKey", AttributeValue.fromS("CARD"))
                .containsEntry("status", AttributeValue.fromS("ACTIVE"));
        assertThat(row(tables.grants(), "employeeId", employee.employeeId(), "buildingId", building.buildingId()))
                .containsEntry(
                        "days",
                        AttributeValue.fromL(List.of(AttributeValue.fromS("MONDAY"), AttributeValue.fromS("FRIDAY"))))
                .containsEntry("from", AttributeValue.fromS("07:00"))
                .containsEntry("until", AttributeValue.fromS("19:30"))
                .containsEntry("validFrom", AttributeValue.fromS("2026-12-01"));
        assertThat(claimOwner(UniqueKind.EMPLOYEE_NUMBER, employee.employeeNumber()))
                .isEqualTo(employee.employeeId());
        assertThat(claimOwner(UniqueKind.CARD_NUMBER, card.cardNumber())).isEqualTo(card.cardId());
        assertThat(row(
                        tables.employees(),
                        "employeeId",
                        ClaimItem.key(UniqueKind.EMPLOYEE_NUMBER, employee.employeeNumber())))
                .doesNotContainKeys("listKey", "sortName");
        var recordRow = row(tables.commands(), "commandId", record.commandId());
        assertThat(recordRow.get("expiresAt").n())
                .isEqualTo(Long.toString(record.finishedAt().plus(RETENTION).getEpochSecond()));
        assertThat(recordRow.get("finishedDay").s()).isEqualTo(CommandItem.day(record.finishedAt()));
    }

    @Test
    void refusesAStaleVersionAndWritesNothing() {
        var employee = employee("Bo", "Stale");
        commit(record(employee), new SaveEmployee(employee));
        var card = card(CardStatus.ISSUED, null, id("no"));
        var building = new Building(id("bldg"), "Annex", ZoneId.of("UTC"), 1);
        var grant = grant(employee.employeeId(), building.buildingId());
        var record = record(employee);

        assertThatThrownBy(() -> store.commit(
                        List.of(
                                new SaveCard(card),
                                new SaveBuilding(building),
                                new SaveGrant(grant),
                                new Claim(UniqueKind.CARD_NUMBER, card.cardNumber(), card.cardId()),
                                new SaveEmployee(next(next(employee)))),
                        List.of(record)))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining(employee.employeeId());

        assertThat(store.employee(employee.employeeId())).contains(employee);
        assertThat(store.card(card.cardId())).isEmpty();
        assertThat(store.building(building.buildingId())).isEmpty();
        assertThat(store.grantsOf(employee.employeeId())).isEmpty();
        assertThat(row(tables.cards(), "cardId", ClaimItem.key(UniqueKind.CARD_NUMBER, card.cardNumber())))
                .isEmpty();
        assertThat(log.find(record.commandId())).isEmpty();
    }

    @Test
    void refusesAValueHeldByAnotherRecordNamingItsKindAndWritesNothing() {
        var holder = employee("Cy", "Holder");
        commit(
                record(holder),
                new SaveEmployee(holder),
                new Claim(UniqueKind.EMPLOYEE_NUMBER, holder.employeeNumber(), holder.employeeId()));
        var newcomer = employee("Di", "Newcomer");
        var record = record(newcomer);

        assertThatThrownBy(() -> store.commit(
                        List.of(
                                new SaveEmployee(newcomer),
                                new Claim(UniqueKind.EMPLOYEE_NUMBER, holder.employeeNumber(), newcomer.employeeId())),
                        List.of(record)))
                .isInstanceOfSatisfying(
                        ValueTakenException.class,
                        taken -> assertThat(taken.kind()).isEqualTo(UniqueKind.EMPLOYEE_NUMBER));

        assertThat(store.employee(newcomer.employeeId())).isEmpty();
        assertThat(claimOwner(UniqueKind.EMPLOYEE_NUMBER, holder.employeeNumber()))
                .isEqualTo(holder.employeeId());
        assertThat(log.find(record.commandId())).isEmpty();
    }

    @Test
    void letsTheOwnerClaimItsValueAgain() {
        var holder = employee("Ed", "Again");
        commit(
                record(holder),
                new SaveEmployee(holder),
                new Claim(UniqueKind.EMPLOYEE_NUMBER, holder.employeeNumber(), holder.employeeId()));

        commit(
                record(holder),
                new SaveEmployee(next(holder)),
                new Claim(UniqueKind.EMPLOYEE_NUMBER, holder.employeeNumber(), holder.employeeId()));

        assertThat(store.employee(holder.employeeId())).contains(next(holder));
        assertThat(claimOwner(UniqueKind.EMPLOYEE_NUMBER, holder.employeeNumber()))
                .isEqualTo(holder.employeeId());
    }

    @Test
    void releasingFreesTheValueForAnotherRecord() {
        var leaver = employee("Fay", "Leaver");
        var number = leaver.employeeNumber();
        commit(
                record(leaver),
                new SaveEmployee(leaver),
                new Claim(UniqueKind.EMPLOYEE_NUMBER, number, leaver.employeeId()));

        commit(
                record(leaver),
                new SaveEmployee(next(leaver)),
                new Release(UniqueKind.EMPLOYEE_NUMBER, number, leaver.employeeId()));
        assertThat(row(tables.employees(), "employeeId", ClaimItem.key(UniqueKind.EMPLOYEE_NUMBER, number)))
                .isEmpty();

        var rehire = employee("Fay", "Rehired");
        commit(
                record(rehire),
                new SaveEmployee(rehire),
                new Claim(UniqueKind.EMPLOYEE_NUMBER, number, rehire.employeeId()));
        assertThat(claimOwner(UniqueKind.EMPLOYEE_NUMBER, number)).isEqualTo(rehire.employeeId());
    }

    @Test
    void aCommandAlreadyRecordedIsReportedAndNothingElseIsWritten() {
        var employee = employee("Gil", "Twice");
        var record = record(employee);
        commit(record, new SaveEmployee(employee));
        var card = card(CardStatus.ISSUED, null, id("no"));

        assertThatThrownBy(() ->
                        store.commit(List.of(new SaveCard(card), new SaveEmployee(next(employee))), List.of(record)))
                .isInstanceOf(AlreadyRecordedException.class);
        assertThatThrownBy(() -> store.commit(List.of(new SaveEmployee(employee)), List.of(record)))
                .as("a redelivery of the same decision, whose save fails its condition too")
                .isInstanceOf(AlreadyRecordedException.class);
        assertThatThrownBy(() -> store.commit(List.of(), List.of(record))).isInstanceOf(AlreadyRecordedException.class);

        assertThat(store.card(card.cardId())).isEmpty();
        assertThat(store.employee(employee.employeeId())).contains(employee);
        assertThat(log.find(record.commandId())).contains(record);
    }

    @Test
    void recordsACommandWithoutChangesOnce() {
        var record = new CommandRecord(
                id("cmd"),
                null,
                null,
                CommandStatus.REJECTED,
                RejectionReason.MALFORMED_COMMAND,
                "not JSON",
                null,
                null,
                "commands/x.json",
                Instant.now());

        store.commit(List.of(), List.of(record));

        assertThat(log.find(record.commandId())).contains(record);
    }

    @Test
    void removesAGrantOnlyAtTheVersionRead() {
        var employee = employee("Hal", "Grant");
        var grant = grant(employee.employeeId(), id("bldg"));
        commit(record(employee), new SaveEmployee(employee), new SaveGrant(grant));
        var regranted =
                new AccessGrant(grant.employeeId(), grant.buildingId(), null, null, null, Instant.now(), "x", 2);
        commit(record(employee), new SaveEmployee(next(employee)), new SaveGrant(regranted));

        assertThatThrownBy(() -> store.commit(List.of(new DeleteGrant(grant)), List.of(record(employee))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.grantsOf(employee.employeeId())).containsExactly(regranted);

        commit(record(employee), new DeleteGrant(regranted));
        assertThat(store.grantsOf(employee.employeeId())).isEmpty();
    }

    @Test
    void ofEightWritersOfTheSameNextVersionExactlyOneSucceeds() throws Exception {
        var employee = employee("Ivy", "Race");
        commit(record(employee), new SaveEmployee(employee));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        var outcomes = new ArrayList<Future<String>>();
        var records = new ArrayList<CommandRecord>();
        for (var i = 0; i < 8; i++) {
            var record = record(employee);
            records.add(record);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    store.commit(List.of(new SaveEmployee(next(employee))), List.of(record));
                    return "committed";
                } catch (ConcurrentChangeException moved) {
                    return "moved";
                }
            }));
        }
        start.countDown();
        var counts = new HashMap<String, Integer>();
        for (var outcome : outcomes) {
            counts.merge(outcome.get(), 1, Integer::sum);
        }
        pool.shutdown();

        assertThat(counts).isEqualTo(Map.of("committed", 1, "moved", 7));
        assertThat(store.employee(employee.employeeId())).contains(next(employee));
        assertThat(records.stream()
                        .filter(record -> log.find(record.commandId()).isPresent()))
                .hasSize(1);
    }

    @Test
    void appliesRealCommandsFromRegistrationToOffboarding() {
        var applier = new CommandApplier(store, log, Clock.systemUTC(), Duration.ofMinutes(2));
        var employeeId = id("emp");
        var number = "E-" + employeeId;
        var cardId = id("card");
        var cardNumber = id("no");
        var north = id("bldg");
        var south = id("bldg");
        var now = Instant.now();

        var registered = applier.apply(
                new RegisterEmployee(
                        id("cmd"), "admin", now, employeeId, number, "Jo", "Offboarded", "jo@example.com", null),
                "commands/1.json");
        applier.apply(
                new RegisterBuilding(id("cmd"), "admin", now, north, "North", "Europe/Berlin"), "commands/2.json");
        applier.apply(new RegisterBuilding(id("cmd"), "admin", now, south, "South", "Europe/Paris"), "commands/3.json");
        var issue = new IssueCard(id("cmd"), "admin", now, cardId, cardNumber, employeeId, null, null);
        var issued = applier.apply(issue, "commands/4.json");
        applier.apply(new GrantAccess(id("cmd"), "admin", now, employeeId, north, null, null, null), "commands/5.json");
        applier.apply(new GrantAccess(id("cmd"), "admin", now, employeeId, south, null, null, null), "commands/6.json");
        var stored = store.employee(employeeId).orElseThrow();
        assertThat(stored.currentCardId()).isEqualTo(cardId);
        assertThat(store.grantsOf(employeeId)).hasSize(2);
        assertThat(claimOwner(UniqueKind.CARD_NUMBER, cardNumber)).isEqualTo(cardId);

        var offboarded = applier.apply(new OffboardEmployee(id("cmd"), "admin", now, employeeId), "commands/7.json");

        assertThat(List.of(registered, issued, offboarded))
                .extracting(CommandRecord::status)
                .containsOnly(CommandStatus.APPLIED);
        assertThat(applier.apply(issue, "commands/4.json"))
                .as("a redelivery answers from the log")
                .isEqualTo(issued);
        var employee = store.employee(employeeId).orElseThrow();
        assertThat(employee.status()).isEqualTo(EmployeeStatus.OFFBOARDED);
        assertThat(employee.currentCardId()).isNull();
        assertThat(employee.cardIds()).containsExactly(cardId);
        assertThat(row(tables.employees(), "employeeId", employeeId)
                        .get("version")
                        .n())
                .isEqualTo("5");
        assertThat(store.card(cardId).orElseThrow().status()).isEqualTo(CardStatus.REVOKED);
        assertThat(store.grantsOf(employeeId)).isEmpty();
        assertThat(row(tables.employees(), "employeeId", ClaimItem.key(UniqueKind.EMPLOYEE_NUMBER, number)))
                .isEmpty();
        assertThat(log.find(offboarded.commandId())).contains(offboarded);
    }

    private static Employee next(Employee employee) {
        return employee.touched();
    }

    private static CommandRecord record(Employee employee) {
        return applied("Test", employee.employeeId(), null, Instant.now());
    }

    private static void commit(CommandRecord record, Change... changes) {
        store.commit(List.of(changes), List.of(record));
    }

    private static String claimOwner(UniqueKind kind, String value) {
        var table = kind == UniqueKind.EMPLOYEE_NUMBER ? tables.employees() : tables.cards();
        var keyName = kind == UniqueKind.EMPLOYEE_NUMBER ? "employeeId" : "cardId";
        var claim = row(table, keyName, ClaimItem.key(kind, value));
        return claim.containsKey("ownerId") ? claim.get("ownerId").s() : null;
    }

    private static Map<String, AttributeValue> row(String table, String keyName, String key) {
        return dynamoDb.getItem(r -> r.tableName(table)
                        .key(Map.of(keyName, AttributeValue.fromS(key)))
                        .consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> row(String table, String pkName, String pk, String skName, String sk) {
        return dynamoDb.getItem(r -> r.tableName(table)
                        .key(Map.of(pkName, AttributeValue.fromS(pk), skName, AttributeValue.fromS(sk)))
                        .consistentRead(true))
                .item();
    }
}
