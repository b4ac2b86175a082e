package io.badgeflow.aws.dynamodb;

import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.EraseEmployee;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Offboarding files a person under the retention sweep's index; erasure leaves no personal attribute behind. */
@ExtendWith(LocalAws.class)
class DynamoDbErasureIntegrationTests {

    private static DynamoDbClient dynamoDb;
    private static DynamoDbEnhancedClient enhanced;
    private static BackOfficeTables tables;
    private static DynamoDbOffboardedPeople offboarded;
    private static String endpoint;

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        dynamoDb = AwsClients.dynamoDb(aws);
        enhanced = AwsClients.enhanced(dynamoDb);
        tables = BackOfficeFixtures.tables(aws);
        offboarded = new DynamoDbOffboardedPeople(enhanced, tables.employees());
        endpoint = aws.endpoint().toString();
    }

    @Test
    void listsAnOffboardedPersonByOffboardingTimeUntilTheyAreErasedAndThenKeepsNoPersonalAttribute() {
        // a moment of its own in the past, so people other tests offboard (now) are not before the cutoff
        var offboardedAt = Instant.parse("2001-01-01T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextLong(300_000_000L));
        var applier = applierAt(offboardedAt);
        var employeeId = id("emp");
        applier.apply(
                new RegisterEmployee(
                        id("cmd"),
                        "admin",
                        offboardedAt,
                        employeeId,
                        id("N"),
                        "Ada",
                        "Lovelace",
                        "ada@example.com",
                        "Analytical Engines"),
                null);
        applier.apply(new OffboardEmployee(id("cmd"), "admin", offboardedAt, employeeId), null);

        assertThat(item(employeeId)).containsEntry("offboardedKey", AttributeValue.fromS("OFFBOARDED"));
        assertThat(listed(offboardedAt.plusMillis(1))).contains(employeeId);
        assertThat(listed(offboardedAt)).doesNotContain(employeeId);

        var record = applier.apply(
                new EraseEmployee(id("cmd"), "admin", offboardedAt, employeeId, "data subject request"), null);

        assertThat(record.status()).isEqualTo(CommandStatus.APPLIED);
        var item = item(employeeId);
        assertThat(item)
                .doesNotContainKeys(
                        "givenName",
                        "familyName",
                        "email",
                        "department",
                        "sortName",
                        "listKey",
                        "offboardedKey",
                        "offboardedAt");
        assertThat(item.toString()).doesNotContain("Ada", "Lovelace", "ada@example.com", "Analytical");
        assertThat(item.get("status").s()).isEqualTo(EmployeeStatus.ERASED.name());
        assertThat(listed(offboardedAt.plusMillis(1))).doesNotContain(employeeId);
        var read = new DynamoDbBackOfficeDirectory(enhanced, tables).employee(employeeId);
        assertThat(read).get().extracting(e -> e.status()).isEqualTo(EmployeeStatus.ERASED);
    }

    @Test
    void theBackfillFilesPeopleOffboardedBeforeOffboardedAtWasKeptCountingFromNow() throws Exception {
        var employeeId = id("emp");
        // a row as the employees table held it before: OFFBOARDED, without offboardedKey and offboardedAt
        dynamoDb.putItem(r -> r.tableName(tables.employees())
                .item(java.util.Map.of(
                        "employeeId", AttributeValue.fromS(employeeId),
                        "employeeNumber", AttributeValue.fromS(id("N")),
                        "givenName", AttributeValue.fromS("Old"),
                        "familyName", AttributeValue.fromS("Timer"),
                        "email", AttributeValue.fromS("old@example.com"),
                        "status", AttributeValue.fromS("OFFBOARDED"),
                        "registeredAt", AttributeValue.fromS("2020-01-01T00:00:00Z"),
                        "registeredBy", AttributeValue.fromS("cmd-old"),
                        "version", AttributeValue.fromN("3"))));
        var before = Instant.now().minusSeconds(1);

        var first = backfill();
        var second = backfill();

        assertThat(first).contains("erasure backfill: ").contains(" offboarded rows filed");
        var item = item(employeeId);
        assertThat(item).containsEntry("offboardedKey", AttributeValue.fromS("OFFBOARDED"));
        var filedAt = Instant.parse(item.get("offboardedAt").s());
        assertThat(filedAt).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(listed(filedAt.plusMillis(1))).contains(employeeId);
        assertThat(listed(before)).doesNotContain(employeeId);
        assertThat(item(employeeId).get("offboardedAt")).isEqualTo(item.get("offboardedAt"));
        assertThat(second).contains("erasure backfill: ");
    }

    private static String backfill() throws Exception {
        var repo = AwsEnvironment.repositoryRoot();
        var process = new ProcessBuilder(
                        repo.resolve("infra-cloudformation/scripts/erasure-backfill")
                                .toString(),
                        "--stage",
                        "local",
                        "--endpoint",
                        endpoint,
                        "--table",
                        tables.employees())
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("erasure-backfill did not finish: " + output);
        }
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static CommandApplier applierAt(Instant at) {
        var store = new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(90));
        return new CommandApplier(
                store,
                new DynamoDbCommandLog(enhanced, tables.commands()),
                Clock.fixed(at, ZoneOffset.UTC),
                Duration.ofMinutes(2));
    }

    private static java.util.Map<String, AttributeValue> item(String employeeId) {
        return dynamoDb.getItem(r -> r.tableName(tables.employees())
                        .key(java.util.Map.of("employeeId", AttributeValue.fromS(employeeId)))
                        .consistentRead(true))
                .item();
    }

    private static List<String> listed(Instant cutoff) {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            var page = offboarded.offboardedBefore(cutoff, new PageRequest(100, cursor));
            ids.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return ids;
    }
}
