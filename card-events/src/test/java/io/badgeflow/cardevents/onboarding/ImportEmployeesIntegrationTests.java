package io.badgeflow.cardevents.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.dynamodb.DynamoDbImportLedger;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.CardEventsTestProperties;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bulk HR onboarding through the real path: a CSV in the imports bucket -> SNS -> SQS -> the stack's
 * import-employees function.
 */
@SpringBootTest
class ImportEmployeesIntegrationTests {

    private static final String HEADER =
            "Employee Number,Given Name,Family Name,Email,Department,Building Codes," + "Card Number,Valid Until\n";

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        CardEventsTestProperties.of(aws).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    CommandApplier applier;

    @Autowired
    AdminAuditTrail audit;

    private final AwsEnvironment aws = LocalAws.environment();
    private String run;

    @BeforeEach
    void twoBuildings() {
        run = UUID.randomUUID().toString().substring(0, 6);
        for (var building : List.of("HQ" + run, "LAB" + run)) {
            var command = new RegisterBuilding(
                    UUID.randomUUID().toString(), "hr", Instant.now(), building, "Site", "Europe/London");
            assertThat(applier.apply(command, "test").status()).isEqualTo(CommandStatus.APPLIED);
        }
    }

    @Test
    void onboardsTheGoodRowsAndReportsEveryBadOneWithItsReason() {
        var csv = HEADER
                + "A" + run + ",Ada,Lovelace,ada@example.com,Engineering,HQ" + run + ";LAB" + run + ",CA" + run
                + ",2027-03-31\n"
                + "B" + run + ",Alan,Turing,alan@example.com,,HQ" + run + ",CB" + run + ",\n"
                + "C" + run + ",Grace,Hopper,grace@example.com,Navy,,,\n"
                + "D" + run + ",Bad,Email,not-an-email,,HQ" + run + ",CD" + run + ",\n"
                + "E" + run + ",No,Building,no@example.com,,NOWHERE" + run + ",CE" + run + ",\n"
                + "F" + run + ",Same,Card,same@example.com,,HQ" + run + ",CA" + run + ",\n";
        var bytes = csv.getBytes(StandardCharsets.UTF_8);

        var summary = importAndWait("imports/hr-" + run + ".csv", bytes);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.rowsTotal()).isEqualTo(6);
        assertThat(summary.applied()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(3);
        var report = s3.getObjectAsBytes(
                        r -> r.bucket(aws.output("ReportsBucketName")).key(summary.reportKey()))
                .asUtf8String();
        assertThat(report.lines().toList())
                .hasSize(7)
                .first()
                .isEqualTo("row,status,reason,message,employeeId,employeeNumber,givenName,familyName");
        assertThat(s3.headObject(r -> r.bucket(aws.output("ReportsBucketName")).key(summary.reportKey()))
                        .contentType())
                .isEqualTo("text/csv; charset=utf-8");
        assertThat(report)
                .contains("4,REJECTED,INVALID_FIELD,\"email must be an email address\"")
                .contains(",D" + run + ",Bad,Email")
                .contains("5,REJECTED,BUILDING_NOT_FOUND")
                .contains("6,REJECTED,CARD_NUMBER_TAKEN");

        var ada = employeeByNumber("A" + run);
        assertThat(ada.get("status").s()).isEqualTo("ACTIVE");
        var card = item("CardsTableName", Map.of("cardId", ada.get("currentCardId")));
        assertThat(card.get("status").s()).isEqualTo("ACTIVE");
        assertThat(card.get("cardNumber").s()).isEqualTo("CA" + run);
        assertThat(card.get("validUntil").s()).startsWith("2027-04-01T00:00");
        assertThat(grantsOf(ada.get("employeeId").s())).containsExactlyInAnyOrder("HQ" + run, "LAB" + run);
        assertThat(employeeByNumber("C" + run)).doesNotContainKey("currentCardId");
        assertThat(item("EmployeesTableName", Map.of("employeeId", AttributeValue.fromS("#employeeNumber#E" + run))))
                .as("the rejected row left no claim behind")
                .isEmpty();
        assertThat(audit.latest(20))
                .anySatisfy(block -> assertThat(block.blockId()).isEqualTo("import:" + summary.importId() + ":0:0"));
        assertThat(audit.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void aReuploadedFileIsTheSameImportAndOnboardsNobodyTwice() {
        var csv = HEADER + "R" + run + ",Ada,Lovelace,ada@example.com,,HQ" + run + ",CR" + run + ",\n";
        var bytes = csv.getBytes(StandardCharsets.UTF_8);
        var first = importAndWait("imports/first-" + run + ".csv", bytes);
        var employee = employeeByNumber("R" + run);

        var second = importAndWait("imports/again-" + run + ".csv", bytes);

        assertThat(second.importId()).isEqualTo(first.importId()).isEqualTo(ImportId.of(bytes));
        assertThat(second.applied()).isEqualTo(1);
        assertThat(employeeByNumber("R" + run).get("employeeId")).isEqualTo(employee.get("employeeId"));
        assertThat(employeeByNumber("R" + run).get("version")).isEqualTo(employee.get("version"));
    }

    @Test
    void runsAFileOfManyBatchesToTheEnd() {
        // The function's batches are 100 rows (compute.yaml): three batches.
        var rows = IntStream.range(0, 250)
                .mapToObj(i -> "M" + run + "-" + i + ",Test,Person" + i + ",p" + i + "@example.com,,HQ" + run + ",CM"
                        + run + "-" + i + ",")
                .collect(Collectors.joining("\n"));
        var bytes = (HEADER + rows + "\n").getBytes(StandardCharsets.UTF_8);

        var summary = importAndWait("imports/many-" + run + ".csv", bytes);

        assertThat(summary.rowsTotal()).isEqualTo(250);
        assertThat(summary.applied()).isEqualTo(250);
        assertThat(employeeByNumber("M" + run + "-249").get("status").s()).isEqualTo("ACTIVE");
    }

    @Test
    void rejectsAFileWithoutTheRequiredColumns() {
        var bytes = ("name,mail\nAda,ada@example.com\n" + run).getBytes(StandardCharsets.UTF_8);

        var summary = importAndWait("imports/wrong-" + run + ".csv", bytes);

        assertThat(summary.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(summary.reason()).contains("employee number", "email");
        assertThat(summary.applied()).isZero();
    }

    private ImportSummary importAndWait(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(aws.output("ImportsBucketName")).key(key), RequestBody.fromBytes(bytes));
        var ledger = new DynamoDbImportLedger(enhanced, aws.output("ImportsTableName"), Duration.ofDays(1));
        var importId = ImportId.of(bytes);
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> ledger.find(importId).orElse(null),
                        summary -> summary != null
                                && summary.status() != ImportStatus.RUNNING
                                && summary.objectKey() != null
                                && (summary.finishedAt() != null));
    }

    private Map<String, AttributeValue> employeeByNumber(String number) {
        var claim = item("EmployeesTableName", Map.of("employeeId", AttributeValue.fromS("#employeeNumber#" + number)));
        assertThat(claim).as("claim of " + number).isNotEmpty();
        return item("EmployeesTableName", Map.of("employeeId", claim.get("ownerId")));
    }

    private List<String> grantsOf(String employeeId) {
        return dynamoDb
                .query(r -> r.tableName(aws.output("GrantsTableName"))
                        .keyConditionExpression("employeeId = :e")
                        .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(employeeId)))
                        .consistentRead(true))
                .items()
                .stream()
                .map(item -> item.get("buildingId").s())
                .toList();
    }

    private Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        return dynamoDb.getItem(r -> r.tableName(aws.output(table)).key(key).consistentRead(true))
                .item();
    }
}
