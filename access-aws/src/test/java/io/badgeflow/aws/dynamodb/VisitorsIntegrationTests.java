package io.badgeflow.aws.dynamodb;

import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.access.EntryPolicy;
import io.badgeflow.model.access.EntryRequest;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Visitors and contractors against the local AWS: what a registration stores, how reception lists them, that an
 * employee row written before affiliations existed reads as an employee, and that the entry rules on the real
 * stored facts refuse them once their days are over, with no one acting.
 */
@ExtendWith(LocalAws.class)
class VisitorsIntegrationTests {

    /** A visit on 8 December 2026 in New York, whose day ends at 05:00 UTC on the 9th. */
    private static final LocalDate DAY = LocalDate.parse("2026-12-08");

    private static final Instant ISSUED = Instant.parse("2026-12-08T13:00:00Z");

    private static DynamoDbClient dynamoDb;
    private static DynamoDbEnhancedClient enhanced;
    private static BackOfficeTables tables;
    private static CommandApplier applier;
    private static DynamoDbAffiliates affiliates;
    private static DynamoDbPresenceLedger presences;

    private String buildingId;
    private String doorId;
    private String hostId;

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        dynamoDb = AwsClients.dynamoDb(aws);
        enhanced = AwsClients.enhanced(dynamoDb);
        tables = BackOfficeFixtures.tables(aws);
        applier = new CommandApplier(
                new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(1)),
                new DynamoDbCommandLog(enhanced, tables.commands()),
                Clock.systemUTC(),
                Duration.ofSeconds(2));
        affiliates = new DynamoDbAffiliates(enhanced, tables);
        presences = new DynamoDbPresenceLedger(enhanced, aws.output("PresenceTableName"));
    }

    @BeforeEach
    void aHostWithAccessToABuildingInNewYork() {
        buildingId = id("bldg");
        doorId = id("door");
        hostId = id("host");
        applied(new RegisterBuilding(id("c"), "it", ISSUED, buildingId, "Midtown", "America/New_York"));
        applied(new RegisterDoor(
                id("c"),
                "it",
                ISSUED,
                doorId,
                buildingId,
                "Lobby",
                DoorCapability.BOTH,
                DeviceKeyHash.of(DeviceKey.generate()).sha256Hex()));
        applied(new RegisterEmployee(
                id("c"), "it", ISSUED, hostId, "N-" + hostId, "Hedy", "Lamarr", "hedy@example.com", null));
        applied(new GrantAccess(id("c"), "it", ISSUED, hostId, buildingId, null, null, null));
    }

    @Test
    void storesTheVisitorWithHostAndDaysAndPersonalDataOnlyOnThePersonsRow() {
        var visitorId = id("vis");
        var cardNumber = id("V");

        applied(visitor(visitorId, cardNumber, Affiliation.visitor(hostId, "Navy", DAY, DAY)));

        var row = row(tables.employees(), Map.of("employeeId", AttributeValue.fromS(visitorId)));
        assertThat(row)
                .containsEntry("affiliationKind", AttributeValue.fromS("VISITOR"))
                .containsEntry("hostEmployeeId", AttributeValue.fromS(hostId))
                .containsEntry("company", AttributeValue.fromS("Navy"))
                .containsEntry("affiliationFrom", AttributeValue.fromS("2026-12-08"))
                .containsEntry("affiliationUntil", AttributeValue.fromS("2026-12-08"))
                .containsEntry("affiliationUntilKey", AttributeValue.fromS("2026-12-08#" + visitorId))
                .containsEntry("currentCardId", AttributeValue.fromS("card-" + visitorId));
        var grant = row(
                tables.grants(),
                Map.of("employeeId", AttributeValue.fromS(visitorId), "buildingId", AttributeValue.fromS(buildingId)));
        assertThat(grant)
                .containsEntry("validFrom", AttributeValue.fromS("2026-12-08"))
                .containsEntry("validUntil", AttributeValue.fromS("2026-12-08"));
        var card = row(tables.cards(), Map.of("cardId", AttributeValue.fromS("card-" + visitorId)));
        assertThat(card).containsEntry("employeeId", AttributeValue.fromS(visitorId));
        assertThat(card).doesNotContainKeys("givenName", "familyName", "company");
    }

    @Test
    void receptionListsVisitorsUntilTheirLastDayAndContractorsUntilTheirEndDate() {
        var visitorId = id("vis");
        var contractorId = id("con");
        applied(visitor(visitorId, id("V"), Affiliation.visitor(hostId, null, DAY, DAY)));
        applied(visitor(contractorId, id("C"), Affiliation.contractor("Acme Ltd", null, null, DAY.plusDays(30))));

        assertThat(affiliates.notEndedBy(Affiliation.Kind.VISITOR, DAY))
                .anySatisfy(v -> {
                    assertThat(v.employeeId()).isEqualTo(visitorId);
                    assertThat(v.affiliation().hostEmployeeId()).isEqualTo(hostId);
                })
                .noneSatisfy(v -> assertThat(v.employeeId()).isEqualTo(contractorId));
        assertThat(affiliates.notEndedBy(Affiliation.Kind.VISITOR, DAY.plusDays(1)))
                .noneSatisfy(v -> assertThat(v.employeeId()).isEqualTo(visitorId));
        assertThat(affiliates.notEndedBy(Affiliation.Kind.CONTRACTOR, DAY.plusDays(30)))
                .anySatisfy(c -> {
                    assertThat(c.employeeId()).isEqualTo(contractorId);
                    assertThat(c.affiliation().company()).isEqualTo("Acme Ltd");
                    assertThat(c.affiliation().validUntil()).isEqualTo(DAY.plusDays(30));
                });
        assertThat(affiliates.notEndedBy(Affiliation.Kind.CONTRACTOR, DAY.plusDays(31)))
                .noneSatisfy(c -> assertThat(c.employeeId()).isEqualTo(contractorId));
    }

    @Test
    void anEmployeeRowWrittenBeforeAffiliationsReadsAsAnEmployeeAndStaysOutOfReceptionsIndex() {
        var employeeId = id("old");
        dynamoDb.putItem(r -> r.tableName(tables.employees())
                .item(Map.of(
                        "employeeId", AttributeValue.fromS(employeeId),
                        "employeeNumber", AttributeValue.fromS("N-" + employeeId),
                        "givenName", AttributeValue.fromS("Old"),
                        "familyName", AttributeValue.fromS("Row"),
                        "status", AttributeValue.fromS("ACTIVE"),
                        "registeredAt", AttributeValue.fromS("2025-01-01T00:00:00Z"),
                        "registeredBy", AttributeValue.fromS("cmd-old"),
                        "version", AttributeValue.fromN("3"))));

        var read = new DynamoDbBackOfficeDirectory(enhanced, tables)
                .employee(employeeId)
                .orElseThrow();

        assertThat(read.affiliation()).isEqualTo(Affiliation.EMPLOYEE);
        assertThat(read.status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(read.version()).isEqualTo(3);
    }

    @Test
    void theStoredVisitIsRefusedFromTheFirstMomentAfterItsLastLocalDayWithNoOneActing() {
        var visitorId = id("vis");
        var cardNumber = id("V");
        applied(visitor(visitorId, cardNumber, Affiliation.visitor(hostId, null, DAY, DAY)));
        var clock = new MutableClock(Instant.parse("2026-12-09T04:59:59Z"));
        var policy = new EntryPolicy(new DynamoDbAccessFacts(enhanced, tables, presences), clock);

        // 23:59:59 on the 8th in New York: still the visit's day there, although the 9th in UTC.
        var lastSecond = policy.decide(swipe(cardNumber, clock.instant()));
        clock.now = Instant.parse("2026-12-09T05:00:00Z");
        var dayAfter = policy.decide(swipe(cardNumber, clock.instant()));

        assertThat(lastSecond.granted()).as(lastSecond.toString()).isTrue();
        assertThat(dayAfter.granted()).isFalse();
        assertThat(dayAfter.reason()).isEqualTo(DecisionReason.AFFILIATION_NOT_IN_FORCE);
        assertThat(dayAfter.rule()).isEqualTo("affiliation-in-force");
        assertThat(dayAfter.employeeId()).isEqualTo(visitorId);
    }

    @Test
    void aContractorIsRefusedTheDayAfterTheEndDate() {
        var contractorId = id("con");
        var cardNumber = id("C");
        applied(visitor(contractorId, cardNumber, Affiliation.contractor("Acme Ltd", null, null, DAY)));
        var clock = new MutableClock(Instant.parse("2026-12-08T23:00:00Z"));
        var policy = new EntryPolicy(new DynamoDbAccessFacts(enhanced, tables, presences), clock);

        var onTheEndDate = policy.decide(swipe(cardNumber, clock.instant()));
        clock.now = Instant.parse("2026-12-09T06:00:00Z");
        var after = policy.decide(swipe(cardNumber, clock.instant()));

        assertThat(onTheEndDate.granted()).as(onTheEndDate.toString()).isTrue();
        assertThat(after.reason()).isEqualTo(DecisionReason.AFFILIATION_NOT_IN_FORCE);
    }

    @Test
    void theHrRosterLeavesVisitorsAndContractorsOut() {
        var visitorId = id("vis");
        var contractorId = id("con");
        applied(visitor(visitorId, id("V"), Affiliation.visitor(hostId, null, DAY, DAY)));
        applied(visitor(contractorId, id("V"), Affiliation.contractor("Acme", null, DAY, DAY.plusDays(30))));

        // A full HR export offboards whoever the roster holds and the file does not: never a visitor or contractor.
        var roster = new DynamoDbRoster(dynamoDb, tables)
                .everyone().stream().map(person -> person.employeeId()).toList();

        assertThat(roster).contains(hostId).doesNotContain(visitorId, contractorId);
    }

    private RegisterVisitor visitor(String employeeId, String cardNumber, Affiliation affiliation) {
        return new RegisterVisitor(
                id("c"),
                "reception",
                ISSUED,
                employeeId,
                "V-" + employeeId,
                "Grace",
                "Hopper",
                null,
                affiliation,
                List.of(buildingId),
                "card-" + employeeId,
                cardNumber);
    }

    private EntryRequest swipe(String cardNumber, Instant at) {
        return new EntryRequest(id("ev"), doorId, cardNumber, Direction.IN, at);
    }

    private static void applied(Command command) {
        var record = applier.apply(command, "commands/" + command.commandId() + ".json");
        assertThat(record.status()).as(record.message()).isEqualTo(CommandStatus.APPLIED);
    }

    private static Map<String, AttributeValue> row(String table, Map<String, AttributeValue> key) {
        return dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item();
    }

    /** A clock the test moves past the end of the visit. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
