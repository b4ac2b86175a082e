package io.badgeflow.cardevents.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.StoredCommands;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.LinkCard;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.ReactivateEmployee;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.ReportCardLost;
import io.badgeflow.model.command.ResumeCard;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.command.RevokeCard;
import io.badgeflow.model.command.RotateDoorKey;
import io.badgeflow.model.command.SetAntiPassback;
import io.badgeflow.model.command.SetCardValidity;
import io.badgeflow.model.command.SuspendCard;
import io.badgeflow.model.command.UnlinkCard;
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.grant.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every back-office command through the real path (S3 document -> SNS -> SQS -> the applyCommand function ->
 * DynamoDB), each delivered three times, and the documents that must be rejected without harming the others.
 */
@SpringBootTest
class BackOfficeCommandsIntegrationTests {

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        // The stack's function applies the commands with the local stage's settings (compute.yaml): the third
        // receive (after 2 x 2 s) comes after the 3 s wait, so a command whose employee never arrives is
        // REJECTED before the queue's maxReceiveCount (3) dead-letters it.
        StoredCommands.stackSettings(registry, LocalAws.environment());
    }

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    private final AwsEnvironment aws = LocalAws.environment();
    private StoredCommands path;

    @BeforeEach
    void stores() {
        path = new StoredCommands(aws, s3, dynamoDb, Duration.ofSeconds(60));
    }

    @Test
    void everyCommandDeliveredThreeTimesLeavesTheStateOfOneDelivery() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var building = "B-" + id;
        var door = "door-" + id;
        var employee = "emp-" + id;
        var card = "card-" + id;
        var stockCard = "stock-" + id;
        var schedule =
                new Schedule(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 0));
        var rotated = DeviceKey.generate();
        var commands = new ArrayList<Command>();
        commands.add(new RegisterBuilding(cid(), "hr", now(), building, "Lab", "Europe/Berlin"));
        commands.add(new RegisterDoor(cid(), "hr", now(), door, building, "Lab entrance", DoorCapability.IN, hash()));
        commands.add(new RotateDoorKey(
                cid(), "hr", now(), door, DeviceKeyHash.of(rotated).sha256Hex()));
        commands.add(new SetAntiPassback(cid(), "hr", now(), building, "TIMED", 20));
        commands.add(new RegisterEmployee(
                cid(), "hr", now(), employee, "N-" + id, "Grace", "Hopper", "grace@example.com", "Navy"));
        commands.add(new UpdateEmployee(
                cid(), "hr", now(), employee, "N-" + id, "Grace", "Hopper", "grace.hopper@example.com", "Research"));
        commands.add(new IssueCard(cid(), "hr", now(), card, "C" + id, employee, null, null));
        commands.add(new SetCardValidity(cid(), "hr", now(), card, null, Instant.parse("2030-01-01T00:00:00Z")));
        commands.add(new SuspendCard(cid(), "hr", now(), card));
        commands.add(new ResumeCard(cid(), "hr", now(), card));
        commands.add(new GrantAccess(cid(), "hr", now(), employee, building, schedule, null, null));
        commands.add(new RevokeAccess(cid(), "hr", now(), employee, building));
        commands.add(new GrantAccess(cid(), "hr", now(), employee, building, null, null, null));
        commands.add(new DeactivateEmployee(cid(), "hr", now(), employee));
        commands.add(new ReactivateEmployee(cid(), "hr", now(), employee));
        commands.add(new ReportCardLost(cid(), "hr", now(), card));
        commands.add(new IssueCard(cid(), "hr", now(), stockCard, "S" + id, null, null, null));
        commands.add(new LinkCard(cid(), "hr", now(), stockCard, employee));
        commands.add(new UnlinkCard(cid(), "hr", now(), stockCard));
        commands.add(new RevokeCard(cid(), "hr", now(), stockCard));
        commands.add(new OffboardEmployee(cid(), "hr", now(), employee));
        assertThat(commands.stream().map(Command::type).distinct()).hasSize(19);

        for (var command : commands) {
            var document = MessageJson.write(command);
            for (var delivery = 0; delivery < 3; delivery++) {
                path.put(command.commandId(), document);
            }
            var record = path.awaitCommand(command.commandId());
            assertThat(record.get("status").s())
                    .as(command.type() + " " + record)
                    .isEqualTo("APPLIED");
        }

        var stored = path.item("EmployeesTableName", "employeeId", employee);
        assertThat(stored.get("status").s()).isEqualTo("OFFBOARDED");
        assertThat(stored.get("email").s()).isEqualTo("grace.hopper@example.com");
        assertThat(stored.get("cardIds").l()).extracting(AttributeValue::s).containsExactly(card);
        assertThat(stored).doesNotContainKey("currentCardId");
        // 1 register + 1 update + issue + link + unlink + lost + deactivate + reactivate + 3 grant changes + offboard
        assertThat(stored.get("version").n()).isEqualTo("12");
        assertThat(path.item("CardsTableName", "cardId", card).get("status").s())
                .isEqualTo("LOST");
        assertThat(path.item("CardsTableName", "cardId", stockCard)
                        .get("status")
                        .s())
                .isEqualTo("REVOKED");
        assertThat(grantsOf(employee)).isEmpty();
        assertThat(path.item("EmployeesTableName", "employeeId", "#employeeNumber#N-" + id))
                .isEmpty();
        var storedDoor = path.item("DoorsTableName", "doorId", door);
        assertThat(storedDoor.get("keyHash").s())
                .isEqualTo(DeviceKeyHash.of(rotated).sha256Hex());
        assertThat(storedDoor.get("version").n()).isEqualTo("2");
        var storedBuilding = path.item("BuildingsTableName", "buildingId", building);
        assertThat(storedBuilding.get("antiPassbackMode").s()).isEqualTo("TIMED");
        assertThat(storedBuilding.get("antiPassbackMinutes").n()).isEqualTo("20");
        assertThat(storedBuilding.get("version").n()).isEqualTo("2");

        var trail = new DynamoDbAdminAuditTrail(dynamoDb, aws.output("AdminAuditTableName"), Clock.systemUTC());
        var blocks = trail.latest(100).stream()
                .filter(b -> b.entries().getFirst().subjectId() != null
                        && List.of(building, door, employee, card, stockCard)
                                .contains(b.entries().getFirst().subjectId()))
                .toList();
        assertThat(blocks).hasSize(commands.size());
        assertThat(trail.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void rejectsPoisonDocumentsWithTheirReasonAndAppliesTheOthers() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var good = new RegisterEmployee(
                cid(), "hr", now(), "emp-" + id, "P-" + id, "Ada", "Lovelace", "ada@example.com", null);
        var badJson = cid();
        var unknownType = cid();
        var missingField = cid();
        var huge = cid();
        path.put(badJson, "{\"type\":\"RegisterEmployee\",".getBytes(StandardCharsets.UTF_8));
        path.put(
                unknownType,
                ("{\"type\":\"PromoteEveryone\",\"commandId\":\"" + unknownType + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        path.put(
                missingField,
                ("{\"type\":\"SuspendCard\",\"commandId\":\"" + missingField
                                + "\",\"actor\":\"hr\",\"occurredAt\":\"2026-11-24T08:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8));
        var padding = "x".repeat(5 * 1024 * 1024);
        path.put(
                huge,
                ("{\"type\":\"RevokeCard\",\"commandId\":\"" + huge + "\",\"actor\":\"" + padding + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        path.put(good.commandId(), MessageJson.write(good));

        assertThat(path.awaitCommand(good.commandId()).get("status").s()).isEqualTo("APPLIED");
        assertRejected(badJson, "MALFORMED_COMMAND");
        assertRejected(unknownType, "UNKNOWN_COMMAND");
        assertThat(assertRejected(missingField, "INVALID_FIELD")).contains("cardId");
        assertThat(assertRejected(huge, "DOCUMENT_TOO_LARGE")).contains("bytes");
        assertThat(s3.headObject(r -> r.bucket(aws.output("CommandsBucketName")).key("commands/" + huge + ".json"))
                        .contentLength())
                .isGreaterThan(5L * 1024 * 1024);
    }

    @Test
    void appliesALinkThatOvertookItsEmployeeOnceTheEmployeeArrives() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var issue = new IssueCard(cid(), "hr", now(), "card-" + id, "L" + id, null, null, null);
        path.put(issue.commandId(), MessageJson.write(issue));
        path.awaitCommand(issue.commandId());
        var link = new LinkCard(cid(), "hr", now(), "card-" + id, "emp-" + id);
        path.put(link.commandId(), MessageJson.write(link));

        var register = new RegisterEmployee(
                cid(), "hr", now(), "emp-" + id, "L-" + id, "Alan", "Turing", "alan@example.com", null);
        path.put(register.commandId(), MessageJson.write(register));

        assertThat(path.awaitCommand(link.commandId()).get("status").s()).isEqualTo("APPLIED");
        assertThat(path.item("CardsTableName", "cardId", "card-" + id)
                        .get("employeeId")
                        .s())
                .isEqualTo("emp-" + id);
    }

    @Test
    void rejectsALinkWhoseEmployeeNeverArrives() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var issue = new IssueCard(cid(), "hr", now(), "card-" + id, "N" + id, null, null, null);
        path.put(issue.commandId(), MessageJson.write(issue));
        path.awaitCommand(issue.commandId());

        var link = new LinkCard(cid(), "hr", now(), "card-" + id, "emp-never-" + id);
        path.put(link.commandId(), MessageJson.write(link));

        assertThat(assertRejected(link.commandId(), "EMPLOYEE_NOT_FOUND")).contains("emp-never-" + id);
        assertThat(path.item("CardsTableName", "cardId", "card-" + id)
                        .get("status")
                        .s())
                .isEqualTo("ISSUED");
    }

    private String assertRejected(String commandId, String reason) {
        var record = path.awaitCommand(commandId);
        assertThat(record.get("status").s()).isEqualTo("REJECTED");
        assertThat(record.get("reason").s()).isEqualTo(reason);
        return record.get("message").s();
    }

    private static String cid() {
        return UUID.randomUUID().toString();
    }

    private static Instant now() {
        return Instant.now();
    }

    private static String hash() {
        return DeviceKeyHash.of(DeviceKey.generate()).sha256Hex();
    }

    private List<Map<String, AttributeValue>> grantsOf(String employeeId) {
        return dynamoDb.query(r -> r.tableName(aws.output("GrantsTableName"))
                        .keyConditionExpression("employeeId = :e")
                        .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(employeeId)))
                        .consistentRead(true))
                .items();
    }
}
