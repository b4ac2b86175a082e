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
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import io.badgeflow.model.onboarding.PlanCounts;
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
                + "F" + run + ",Same,Card,same@example.com,,HQ" + run + ",CB" + run + ",\n";
        var planned = planAndWait("imports/hr-" + run + ".csv", csv);

        assertThat(planned.status()).isEqualTo(ImportStatus.PLANNED);
        assertThat(planned.plan())
                .extracting(PlanCounts::create, PlanCounts::rejected, PlanCounts::fullExport)
                .containsExactly(3, 3, false);
        assertThat(employeeByNumberIfAny("A" + run))
                .as("a dry run applies nothing")
                .isEmpty();

        var summary = confirmAndWait(planned, false);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.rowsTotal()).isEqualTo(6);
        assertThat(summary.applied()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(4);
        var report = reportsObject(summary.reportKey());
        assertThat(report.lines().toList())
                .hasSize(7)
                .first()
                .isEqualTo("row,status,reason,message,employeeId,employeeNumber,givenName,familyName,action");
        assertThat(s3.headObject(r -> r.bucket(aws.output("ReportsBucketName")).key(summary.reportKey()))
                        .contentType())
                .isEqualTo("text/csv; charset=utf-8");
        assertThat(report)
                .contains("4,REJECTED,INVALID_FIELD,\"email must be an email address\"")
                .contains(",D" + run + ",Bad,Email")
                .contains("5,REJECTED,BUILDING_NOT_FOUND")
                .contains("6,REJECTED,DUPLICATE_CARD_NUMBER");

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
                .anySatisfy(block -> assertThat(block.blockId()).startsWith("import:" + summary.importId() + ":"));
        assertThat(audit.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    /**
     * A daily HR feed as real exports come: UTF-8 byte order mark, CRLF line ends, quoted commas, a name over two
     * lines, non-Latin names, text a spreadsheet would run as a formula, a duplicated employee number. Day one
     * creates; day two updates, creates and offboards; the same file again plans nothing but UNCHANGED.
     */
    @Test
    void aDailyFullExportReconcilesCreatesUpdatesAndOffboards() {
        var day1 = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + "H1" + run + ",Zoë,\"O'Brien, Jr.\",zoe@example.com,\"Research, Development\",HQ" + run + ",CH1"
                + run + ",2027-03-31\r\n"
                + "H2" + run + ",\"Anna\r\nMaria\",Schmidt,anna@example.com,,HQ" + run + ",CH2" + run + ",\r\n"
                + "H3" + run + ",山田,太郎,yamada@example.com,営業,HQ" + run + ",CH3" + run + ",\r\n"
                + "H4" + run + ",\"=HYPERLINK(\"\"http://x\"\")\",+Evil,evil@example.com,-Ops,HQ" + run + ",,\r\n"
                + "H5" + run + ",Dup,One,d1@example.com,,HQ" + run + ",,\r\n"
                + "H5" + run + ",Dup,Two,d2@example.com,,HQ" + run + ",,\r\n"
                + "H6" + run + ",Leo,Leaver,leaver@example.com,,HQ" + run + ",CH6" + run + ",\r\n";

        var first = planAndWait("imports/full/" + run + "-day1.csv", day1);

        assertThat(first.plan().fullExport()).isTrue();
        assertThat(first.plan().create()).isEqualTo(5);
        assertThat(first.plan().rejected()).isEqualTo(2);
        var plan1 = reportsObject(first.planKey());
        assertThat(plan1)
                .startsWith("\uFEFFrow,action,employeeNumber,givenName,familyName,employeeId,changes,reason,message")
                .contains("CREATE,H3" + run + ",山田,太郎")
                .contains("'=HYPERLINK")
                .contains("'+Evil")
                .contains("department: (none) -> -Ops")
                .contains("REJECTED,H5" + run + ",Dup,One")
                .contains("DUPLICATE_EMPLOYEE_NUMBER");
        // Everyone else in this shared emulator is missing from the file: over the limit, so an override.
        var applied1 = confirmAndWait(first, true);
        assertThat(applied1.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(applied1.limitOverridden()).isTrue();
        var zoe = employeeByNumber("H1" + run);
        assertThat(zoe.get("familyName").s()).isEqualTo("O'Brien, Jr.");
        assertThat(zoe.get("department").s()).isEqualTo("Research, Development");
        assertThat(employeeByNumber("H2" + run).get("givenName").s()).isEqualTo("Anna Maria");
        assertThat(employeeByNumber("H3" + run).get("givenName").s()).isEqualTo("山田");
        assertThat(employeeByNumber("H4" + run).get("givenName").s()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(employeeByNumberIfAny("H5" + run)).isEmpty();
        var leaver = employeeByNumber("H6" + run);
        var annasFirstCard = employeeByNumber("H2" + run).get("currentCardId");

        var day2 = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + "H1" + run + ",Zoë,\"O'Brien, Jr.\",zoe.obrien@example.com,\"Research, Development\",HQ" + run
                + ",CH1" + run + ",2027-03-31\r\n"
                + "H2" + run + ",\"Anna\r\nMaria\",Schmidt,anna@example.com,,HQ" + run + ",CH22" + run + ",\r\n"
                + "H3" + run + ",山田,太郎,yamada@example.com,営業,HQ" + run + ";LAB" + run + ",CH3" + run + ",\r\n"
                + "H4" + run + ",\"=HYPERLINK(\"\"http://x\"\")\",+Evil,evil@example.com,-Ops,HQ" + run + ",,\r\n"
                + "H5" + run + ",Dup,One,d1@example.com,,HQ" + run + ",,\r\n"
                + "H7" + run + ",Nia,New,nia@example.com,,LAB" + run + ",CH7" + run + ",\r\n";

        var second = planAndWait("imports/full/" + run + "-day2.csv", day2);

        assertThat(second.plan())
                .extracting(
                        PlanCounts::create,
                        PlanCounts::update,
                        PlanCounts::offboard,
                        PlanCounts::unchanged,
                        PlanCounts::rejected)
                .containsExactly(2, 3, 1, 1, 0);
        assertThat(reportsObject(second.planKey()))
                .contains("UPDATE,H1" + run + ",Zoë,\"O'Brien, Jr.\"")
                .contains("email: zoe@example.com -> zoe.obrien@example.com")
                .contains("cardNumber: CH2" + run + " -> CH22" + run)
                .contains("buildings: HQ" + run + " -> HQ" + run + ";LAB" + run)
                .contains("OFFBOARD,H6" + run + ",Leo,Leaver")
                .contains("CREATE,H7" + run + ",Nia,New");

        var applied2 = confirmAndWait(second, true);

        assertThat(applied2.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(applied2.rejected()).isZero();
        assertThat(employeeByNumber("H1" + run).get("email").s()).isEqualTo("zoe.obrien@example.com");
        var anna = employeeByNumber("H2" + run);
        assertThat(item("CardsTableName", Map.of("cardId", anna.get("currentCardId")))
                        .get("cardNumber")
                        .s())
                .isEqualTo("CH22" + run);
        assertThat(item("CardsTableName", Map.of("cardId", annasFirstCard))
                        .get("status")
                        .s())
                .isEqualTo("SUPERSEDED");
        assertThat(grantsOf(employeeByNumber("H3" + run).get("employeeId").s()))
                .containsExactlyInAnyOrder("HQ" + run, "LAB" + run);
        var gone = item("EmployeesTableName", Map.of("employeeId", leaver.get("employeeId")));
        assertThat(gone.get("status").s()).isEqualTo("OFFBOARDED");
        assertThat(item("CardsTableName", Map.of("cardId", leaver.get("currentCardId")))
                        .get("status")
                        .s())
                .isEqualTo("REVOKED");
        assertThat(grantsOf(leaver.get("employeeId").s())).isEmpty();
        assertThat(employeeByNumber("H5" + run).get("familyName").s()).isEqualTo("One");
        assertThat(employeeByNumber("H7" + run).get("status").s()).isEqualTo("ACTIVE");

        var again = planAndWait("imports/full/" + run + "-day3.csv", day2);

        assertThat(again.plan())
                .extracting(PlanCounts::create, PlanCounts::update, PlanCounts::offboard, PlanCounts::unchanged)
                .containsExactly(0, 0, 0, 6);
        var versions = employeeByNumber("H1" + run).get("version");
        assertThat(confirmAndWait(again, false).status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(employeeByNumber("H1" + run).get("version")).isEqualTo(versions);
    }

    @Test
    void aPlanThePeopleNoLongerLeadToIsPlannedAgainInsteadOfApplied() {
        var planned = planAndWait(
                "imports/stale-" + run + ".csv", HEADER + "S" + run + ",Sam,Stale,sam@example.com,,HQ" + run + ",,\n");
        confirmAndWait(planned, false);
        var changed = planAndWait(
                "imports/stale2-" + run + ".csv",
                HEADER + "S" + run + ",Sam,Stale,sam.new@example.com,,HQ" + run + ",,\n");
        var sam = employeeByNumber("S" + run);
        var update = new UpdateEmployee(
                UUID.randomUUID().toString(),
                "admin",
                Instant.now(),
                sam.get("employeeId").s(),
                "S" + run,
                "Samuel",
                "Stale",
                "sam@example.com",
                null);
        assertThat(applier.apply(update, "test").status()).isEqualTo(CommandStatus.APPLIED);

        var after = confirmAndWait(changed, false);

        assertThat(after.status()).isEqualTo(ImportStatus.PLANNED);
        assertThat(after.plan().fingerprint()).isNotEqualTo(changed.plan().fingerprint());
        assertThat(after.reason())
                .contains("the people changed since plan " + changed.plan().fingerprint());
        assertThat(reportsObject(after.planKey())).contains("givenName: Samuel -> Sam");
        assertThat(employeeByNumber("S" + run).get("email").s()).isEqualTo("sam@example.com");
    }

    @Test
    void runsAFileOfManyBatchesToTheEnd() {
        // The function's batches are 100 rows (compute.yaml): three batches.
        var rows = IntStream.range(0, 250)
                .mapToObj(i -> "M" + run + "-" + i + ",Test,Person" + i + ",p" + i + "@example.com,,HQ" + run + ",CM"
                        + run + "-" + i + ",")
                .collect(Collectors.joining("\n"));

        var summary = confirmAndWait(planAndWait("imports/many-" + run + ".csv", HEADER + rows + "\n"), false);

        assertThat(summary.rowsTotal()).isEqualTo(250);
        assertThat(summary.applied()).isEqualTo(250);
        assertThat(employeeByNumber("M" + run + "-249").get("status").s()).isEqualTo("ACTIVE");
    }

    @Test
    void rejectsAFileWithoutTheRequiredColumns() {
        var summary = planAndWait("imports/wrong-" + run + ".csv", "name,mail\nAda,ada@example.com\n" + run);

        assertThat(summary.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(summary.reason()).contains("employee number", "email");
        assertThat(summary.applied()).isZero();
    }

    private ImportSummary planAndWait(String key, String csv) {
        var bytes = csv.getBytes(StandardCharsets.UTF_8);
        s3.putObject(r -> r.bucket(aws.output("ImportsBucketName")).key(key), RequestBody.fromBytes(bytes));
        var importId = ImportId.ofDrop(key, bytes);
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> ledger().find(importId).orElse(null),
                        summary -> summary != null
                                && (summary.status() == ImportStatus.PLANNED
                                        || summary.status() == ImportStatus.REJECTED));
    }

    /** Writes the confirmation admin-service would write; waits until the plan is applied or planned again. */
    private ImportSummary confirmAndWait(ImportSummary planned, boolean overrideLimit) {
        var fingerprint = planned.plan().fingerprint();
        var body = "importId,fingerprint,confirmedBy,overrideLimit,reason\n" + planned.importId() + "," + fingerprint
                + ",hr-admin," + overrideLimit + ",test\n";
        s3.putObject(
                r -> r.bucket(aws.output("ImportsBucketName"))
                        .key("imports/confirmations/" + planned.importId() + "-" + fingerprint + ".csv"),
                RequestBody.fromString(body));
        return await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> ledger().find(planned.importId()).orElseThrow(),
                        summary -> summary.status() == ImportStatus.COMPLETED
                                || summary.status() == ImportStatus.PLANNED
                                        && !summary.plan().fingerprint().equals(fingerprint));
    }

    private DynamoDbImportLedger ledger() {
        return new DynamoDbImportLedger(enhanced, aws.output("ImportsTableName"), Duration.ofDays(1));
    }

    private String reportsObject(String key) {
        return s3.getObjectAsBytes(
                        r -> r.bucket(aws.output("ReportsBucketName")).key(key))
                .asUtf8String();
    }

    private Map<String, AttributeValue> employeeByNumberIfAny(String number) {
        var claim = item("EmployeesTableName", Map.of("employeeId", AttributeValue.fromS("#employeeNumber#" + number)));
        return claim.isEmpty() ? Map.of() : item("EmployeesTableName", Map.of("employeeId", claim.get("ownerId")));
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
