package io.badgeflow.cardevents.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.archive.S3EventArchive;
import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.dynamodb.DynamoDbSwipeHistory;
import io.badgeflow.aws.dynamodb.DynamoDbSwipeLog;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.StoredCommands;
import io.badgeflow.model.archive.ArchivedEvent;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.EraseEmployee;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.door.SwipeQuery;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.erasure.EndedAffiliationOffboarding;
import io.badgeflow.model.erasure.RetentionSweep;
import io.badgeflow.model.paging.PageRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure end to end on the local stage: an admin's EraseEmployee document through the command path, and the
 * retention sweep as the stack's own erasure Lambda (invoked as its schedule would) after the person's retention
 * has passed. Afterwards no table, no command document and no archive object holds the person's name, email or
 * department, their door history still reads by ids, and the admin audit chain verifies.
 */
@SpringBootTest
class ErasureIntegrationTests {

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        StoredCommands.stackSettings(registry, LocalAws.environment());
    }

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    LambdaClient lambda;

    private final AwsEnvironment aws = LocalAws.environment();
    private StoredCommands path;

    @BeforeEach
    void stores() {
        path = new StoredCommands(aws, s3, dynamoDb, Duration.ofSeconds(60));
    }

    @Test
    void anAdminErasureRequestErasesAtOnceKeepsTheDoorHistoryByIdsAndTheChainVerifies() {
        var person = Person.next();
        var employeeId = onboardWithDoorHistoryThenOffboard(person);

        var erasure = new EraseEmployee(cid(), "admin-sub", Instant.now(), employeeId, "data subject request 4711");
        apply(erasure);
        // the function deletes the person's command documents after recording the command, then audits it
        awaitAudited(erasure.commandId());

        var stored = path.item("EmployeesTableName", "employeeId", employeeId);
        assertThat(stored.get("status").s()).isEqualTo("ERASED");
        assertThat(stored.get("employeeNumber").s()).isEqualTo(person.number());
        assertNothingAnywhereNames(person);
        assertDoorHistoryReadsByIds(employeeId);
        assertAuditedAndChainIntact(erasure.commandId(), employeeId, "data subject request 4711");
    }

    @Test
    void theScheduledFunctionErasesSomeoneOffboardedLongerAgoThanTheRetention() {
        var person = Person.next();
        var employeeId = onboardWithDoorHistoryThenOffboard(person);
        // the local stage keeps personal data an hour (compute.yaml): move the offboarding two hours back
        dynamoDb.updateItem(r -> r.tableName(aws.output("EmployeesTableName"))
                .key(Map.of("employeeId", AttributeValue.fromS(employeeId)))
                .updateExpression("SET offboardedAt = :at")
                .expressionAttributeValues(Map.of(
                        ":at",
                        AttributeValue.fromS(Instant.now()
                                .minus(Duration.ofHours(2))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString()
                                .replace("Z", ".000000000Z")))));

        var response = lambda.invoke(r -> r.functionName(aws.output("EraseExpiredPeopleFunctionName"))
                .payload(SdkBytes.fromUtf8String(scheduledEvent())));

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        var summary = JsonMapper.shared().readTree(response.payload().asUtf8String());
        assertThat(summary.get("erasure").get("failed")).isEmpty();
        var stored = path.item("EmployeesTableName", "employeeId", employeeId);
        assertThat(stored.get("status").s()).isEqualTo("ERASED");
        // the commands bucket's lifecycle removes documents before the retention ends; the emulator keeps
        // them, so documents are scanned only after an admin's erasure (which deletes them at once)
        assertNoTableNames(person);
        assertNoArchiveObjectNames(person);
        assertDoorHistoryReadsByIds(employeeId);
        assertAuditedAndChainIntact(RetentionSweep.commandIdFor(employeeId), employeeId, "retention of PT1H");
    }

    @Test
    void theScheduledFunctionOffboardsAVisitorWhoseVisitEndedAndNotOneWhoseVisitIsTodayAndASecondRunChangesNothing() {
        var token = UUID.randomUUID().toString().substring(0, 8);
        var building = "B-" + token;
        var host = "host-" + token;
        apply(new RegisterBuilding(cid(), "hr", Instant.now(), building, "Lab", "Europe/Berlin"));
        apply(new RegisterEmployee(
                cid(),
                "hr",
                Instant.now(),
                host,
                "N-" + host,
                "Hedy",
                "Lamarr",
                "hedy." + token + "@example.com",
                null));
        apply(new GrantAccess(cid(), "hr", Instant.now(), host, building, null, null, null));
        // "yesterday" is read with the function's one day of grace (EndedAffiliationOffboarding.GRACE): the last
        // days it offboards lie before the UTC date one day ago, so a visit ended yesterday in every zone
        var firstDayKept = LocalDate.ofInstant(Instant.now().minus(EndedAffiliationOffboarding.GRACE), ZoneOffset.UTC);
        var ended = "vis-ended-" + token;
        var graced = "vis-graced-" + token;
        var today = "vis-today-" + token;
        apply(visitor(ended, host, building, firstDayKept.minusDays(1)));
        apply(visitor(graced, host, building, firstDayKept));
        apply(visitor(today, host, building, LocalDate.now(ZoneOffset.UTC)));

        var first = invokeTheScheduledFunction();

        assertThat(first.get("offboarding").get("failed")).isEmpty();
        var stored = path.item("EmployeesTableName", "employeeId", ended);
        assertThat(stored.get("status").s()).isEqualTo("OFFBOARDED");
        assertThat(stored.get("offboardedAt")).isNotNull();
        assertThat(stored.get("familyName").s())
                .as("erased only once the retention has passed")
                .isEqualTo("Hopper");
        assertThat(path.item("CardsTableName", "cardId", "card-" + ended)
                        .get("status")
                        .s())
                .isEqualTo("REVOKED");
        var record = path.item("CommandsTableName", "commandId", EndedAffiliationOffboarding.commandIdFor(ended));
        assertThat(record.get("type").s()).isEqualTo("OffboardEmployee");
        assertThat(record.get("status").s()).isEqualTo("APPLIED");
        assertThat(record.get("actor").s()).isEqualTo(RetentionSweep.ACTOR);
        for (var kept : List.of(graced, today)) {
            assertThat(path.item("EmployeesTableName", "employeeId", kept)
                            .get("status")
                            .s())
                    .as(kept)
                    .isEqualTo("ACTIVE");
            assertThat(path.item("CardsTableName", "cardId", "card-" + kept)
                            .get("status")
                            .s())
                    .as(kept)
                    .isEqualTo("ACTIVE");
        }

        var second = invokeTheScheduledFunction();

        assertThat(second.get("offboarding").get("failed")).isEmpty();
        assertThat(path.item("EmployeesTableName", "employeeId", ended)).isEqualTo(stored);
        assertThat(path.item("CommandsTableName", "commandId", EndedAffiliationOffboarding.commandIdFor(ended)))
                .isEqualTo(record);
        assertThat(path.item("EmployeesTableName", "employeeId", today)
                        .get("status")
                        .s())
                .isEqualTo("ACTIVE");
        assertAuditedOnce(EndedAffiliationOffboarding.commandIdFor(ended), ended);
    }

    private tools.jackson.databind.JsonNode invokeTheScheduledFunction() {
        var response = lambda.invoke(r -> r.functionName(aws.output("EraseExpiredPeopleFunctionName"))
                .payload(SdkBytes.fromUtf8String(scheduledEvent())));
        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        return JsonMapper.shared().readTree(response.payload().asUtf8String());
    }

    private static RegisterVisitor visitor(String employeeId, String host, String building, LocalDate lastDay) {
        return new RegisterVisitor(
                cid(),
                "reception",
                Instant.now(),
                employeeId,
                "V-" + employeeId,
                "Grace",
                "Hopper",
                null,
                Affiliation.visitor(host, null, lastDay, lastDay),
                List.of(building),
                "card-" + employeeId,
                "C-" + employeeId);
    }

    private void assertAuditedOnce(String commandId, String employeeId) {
        var trail = trail();
        assertThat(trail.verify().intact()).as(trail.verify().toString()).isTrue();
        var entries = trail.latest(100).stream()
                .flatMap(block -> block.entries().stream())
                .filter(entry -> entry.commandId().equals(commandId))
                .toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().commandType()).isEqualTo("OffboardEmployee");
        assertThat(entries.getFirst().actor()).isEqualTo(RetentionSweep.ACTOR);
        assertThat(entries.getFirst().subjectId()).isEqualTo(employeeId);
    }

    /** A person whose every personal field is unique to this test, so a scan finds only their data. */
    private record Person(String token, String number, String given, String family, String email, String department) {
        static Person next() {
            var token = UUID.randomUUID().toString().substring(0, 8);
            return new Person(
                    token,
                    "N-" + token,
                    "Zofia" + token,
                    "Erasable" + token,
                    "zofia." + token + "@example.com",
                    "Dept" + token);
        }

        List<String> personalData() {
            return List.of(given, family, email, department, "Moved" + token);
        }
    }

    private String onboardWithDoorHistoryThenOffboard(Person person) {
        var employeeId = "emp-" + person.token();
        var building = "B-" + person.token();
        var card = "card-" + person.token();
        List<Command> commands = List.of(
                new RegisterBuilding(cid(), "hr", Instant.now(), building, "Lab", "Europe/Berlin"),
                new RegisterEmployee(
                        cid(),
                        "hr",
                        Instant.now(),
                        employeeId,
                        person.number(),
                        person.given(),
                        person.family(),
                        person.email(),
                        person.department()),
                new UpdateEmployee(
                        cid(),
                        "hr",
                        Instant.now(),
                        employeeId,
                        person.number(),
                        person.given(),
                        person.family(),
                        person.email(),
                        "Moved" + person.token()),
                new IssueCard(cid(), "hr", Instant.now(), card, "C" + person.token(), employeeId, null, null),
                new GrantAccess(cid(), "hr", Instant.now(), employeeId, building, null, null, null));
        commands.forEach(this::apply);
        recordDoorHistory(employeeId, building, card, "C" + person.token());
        apply(new OffboardEmployee(cid(), "hr", Instant.now(), employeeId));
        assertThat(path.item("EmployeesTableName", "employeeId", employeeId)
                        .get("familyName")
                        .s())
                .isEqualTo(person.family());
        return employeeId;
    }

    private void apply(Command command) {
        path.put(command.commandId(), MessageJson.write(command));
        assertThat(path.awaitCommand(command.commandId()).get("status").s())
                .as(command.type())
                .isEqualTo("APPLIED");
    }

    /** An entry and an exit as access-stream stores them: in the swipes table and in the archive. */
    private void recordDoorHistory(String employeeId, String building, String card, String cardNumber) {
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var door = "door-" + employeeId;
        List<DoorEvent> events = List.of(
                new EntryDecided(
                        "ev-in-" + employeeId,
                        door,
                        building,
                        cardNumber,
                        Direction.IN,
                        card,
                        CardStatus.ACTIVE,
                        employeeId,
                        Outcome.GRANTED,
                        DecisionReason.GRANTED,
                        "rule",
                        "v1",
                        List.of(),
                        at,
                        at,
                        null),
                new ExitRecorded(
                        "ev-out-" + employeeId,
                        door,
                        building,
                        cardNumber,
                        card,
                        employeeId,
                        List.of(),
                        at.plusSeconds(60),
                        at.plusSeconds(60),
                        null));
        new DynamoDbSwipeLog(AwsClients.enhanced(dynamoDb), aws.output("SwipesTableName"), Duration.ofDays(90))
                .recordAll(events);
        var sequence = new ArrayList<ArchivedEvent>();
        for (var i = 0; i < events.size(); i++) {
            sequence.add(new ArchivedEvent(Long.toString(System.nanoTime() + i), events.get(i)));
        }
        new S3EventArchive(s3, aws.output("ArchiveBucketName")).store("shardId-erasure-" + employeeId, sequence);
    }

    private void assertDoorHistoryReadsByIds(String employeeId) {
        var from = Instant.now().minus(Duration.ofHours(1));
        var entries = new DynamoDbSwipeHistory(AwsClients.enhanced(dynamoDb), aws.output("SwipesTableName"))
                .find(
                        SwipeQuery.of(
                                employeeId, null, null, from, Instant.now().plus(Duration.ofHours(1))),
                        PageRequest.first(10))
                .items();
        assertThat(entries).extracting(SwipeEntry::employeeId).containsExactly(employeeId, employeeId);
        var archived = new ArrayList<DoorEvent>();
        new S3EventArchive(s3, aws.output("ArchiveBucketName"))
                .read(from, Instant.now().plus(Duration.ofHours(1)), object -> archived.addAll(object.events()));
        assertThat(archived)
                .filteredOn(event -> event.eventId().endsWith(employeeId))
                .hasSize(2);
    }

    private void awaitAudited(String commandId) {
        var trail = trail();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> trail.latest(100).stream()
                        .anyMatch(block -> block.entries().stream()
                                .anyMatch(entry -> entry.commandId().equals(commandId))));
    }

    private DynamoDbAdminAuditTrail trail() {
        return new DynamoDbAdminAuditTrail(dynamoDb, aws.output("AdminAuditTableName"), java.time.Clock.systemUTC());
    }

    private void assertAuditedAndChainIntact(String commandId, String employeeId, String reason) {
        var trail =
                new DynamoDbAdminAuditTrail(dynamoDb, aws.output("AdminAuditTableName"), java.time.Clock.systemUTC());
        assertThat(trail.verify().intact()).as(trail.verify().toString()).isTrue();
        var entries = trail.latest(100).stream()
                .flatMap(block -> block.entries().stream())
                .filter(entry -> entry.commandId().equals(commandId))
                .toList();
        assertThat(entries).hasSize(1);
        AuditEntry entry = entries.getFirst();
        assertThat(entry.commandType()).isEqualTo("EraseEmployee");
        assertThat(entry.subjectId()).isEqualTo(employeeId);
        assertThat(entry.reason()).contains(reason);
    }

    private void assertNothingAnywhereNames(Person person) {
        assertNoTableNames(person);
        assertNoArchiveObjectNames(person);
        assertNoBucketObjectNames(aws.output("CommandsBucketName"), person);
    }

    /** Every item of every table of the stage, scanned in full. */
    private void assertNoTableNames(Person person) {
        var found = new ArrayList<String>();
        for (var table : dynamoDb.listTablesPaginator(r -> {}).tableNames()) {
            if (!table.startsWith("badgeflow-local-")) {
                continue;
            }
            for (var page : dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true))) {
                for (var item : page.items()) {
                    var text = item.toString();
                    person.personalData().stream().filter(text::contains).forEach(hit -> found.add(table + ": " + hit));
                }
            }
        }
        assertThat(found).as("personal data left in tables").isEmpty();
    }

    private void assertNoArchiveObjectNames(Person person) {
        assertNoBucketObjectNames(aws.output("ArchiveBucketName"), person);
    }

    /** Every version of every object of the bucket, gzip or not, read in full. */
    private void assertNoBucketObjectNames(String bucket, Person person) {
        var found = new ArrayList<String>();
        for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
            for (var version : page.versions()) {
                byte[] bytes;
                try {
                    bytes = s3.getObjectAsBytes(
                                    r -> r.bucket(bucket).key(version.key()).versionId(version.versionId()))
                            .asByteArray();
                } catch (S3Exception gone) {
                    if (gone.statusCode() == 404) {
                        continue; // deleted since the listing (other tests' activity): nothing left to read
                    }
                    throw gone;
                }
                var text = version.key().endsWith(".gz") ? gunzip(bytes) : new String(bytes, StandardCharsets.UTF_8);
                person.personalData().stream()
                        .filter(text::contains)
                        .forEach(hit -> found.add(bucket + "/" + version.key() + ": " + hit));
            }
        }
        assertThat(found).as("personal data left in %s", bucket).isEmpty();
    }

    private static String gunzip(byte[] bytes) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scheduledEvent() {
        return """
                {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.events",
                 "account": "000000000000", "time": "%s", "region": "us-east-1",
                 "resources": ["arn:aws:events:us-east-1:000000000000:rule/erase-expired-people"], "detail": {}}
                """.formatted(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String cid() {
        return UUID.randomUUID().toString();
    }
}
