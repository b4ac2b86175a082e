package io.badgeflow.cardevents.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.CardEventsTestProperties;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.LinkCard;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterEmployee;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Commands racing each other, as two Lambda instances would run them: the function bean called from two
 * threads at once, many times over, and the invariants checked on what is stored. The documents are put where no
 * notification announces them, so the stack's own function does not join the race.
 */
@SpringBootTest
class ConcurrentCommandsIntegrationTests {

    private static final int ROUNDS = 8;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        CardEventsTestProperties.of(LocalAws.environment()).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    @Qualifier("applyCommand")
    Function<SQSEvent, SQSBatchResponse> applyCommand;

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    private final AwsEnvironment aws = LocalAws.environment();

    @Test
    void twoIssuesForOneEmployeeLeaveExactlyOneActiveCard() throws Exception {
        for (var round = 0; round < ROUNDS; round++) {
            var id = UUID.randomUUID().toString().substring(0, 8);
            var employee = "emp-" + id;
            apply(new RegisterEmployee(
                    cid(), "hr", Instant.now(), employee, "R-" + id, "Ada", "Lovelace", "ada@example.com", null));
            var first = new IssueCard(cid(), "hr", Instant.now(), "a-" + id, "A" + id, employee, null, null);
            var second = new IssueCard(cid(), "hr", Instant.now(), "b-" + id, "B" + id, employee, null, null);

            race(first, second);

            assertThat(status(first)).isEqualTo("APPLIED");
            assertThat(status(second)).isEqualTo("APPLIED");
            var states = List.of(
                    item("CardsTableName", "cardId", "a-" + id).get("status").s(),
                    item("CardsTableName", "cardId", "b-" + id).get("status").s());
            assertThat(states).containsExactlyInAnyOrder("ACTIVE", "SUPERSEDED");
            var active = states.get(0).equals("ACTIVE") ? "a-" + id : "b-" + id;
            assertThat(item("EmployeesTableName", "employeeId", employee)
                            .get("currentCardId")
                            .s())
                    .isEqualTo(active);
        }
    }

    @Test
    void twoLinksOfOneCardToTwoEmployeesLinkItOnce() throws Exception {
        for (var round = 0; round < ROUNDS; round++) {
            var id = UUID.randomUUID().toString().substring(0, 8);
            apply(new RegisterEmployee(
                    cid(), "hr", Instant.now(), "x-" + id, "X-" + id, "Ada", "Lovelace", "ada@example.com", null));
            apply(new RegisterEmployee(
                    cid(), "hr", Instant.now(), "y-" + id, "Y-" + id, "Alan", "Turing", "alan@example.com", null));
            apply(new IssueCard(cid(), "hr", Instant.now(), "card-" + id, "K" + id, null, null, null));
            var toX = new LinkCard(cid(), "hr", Instant.now(), "card-" + id, "x-" + id);
            var toY = new LinkCard(cid(), "hr", Instant.now(), "card-" + id, "y-" + id);

            race(toX, toY);

            var outcomes = List.of(status(toX), status(toY));
            assertThat(outcomes).containsExactlyInAnyOrder("APPLIED", "REJECTED");
            var winner = status(toX).equals("APPLIED") ? "x-" + id : "y-" + id;
            var loser = winner.startsWith("x") ? "y-" + id : "x-" + id;
            var loserCommand = winner.startsWith("x") ? toY : toX;
            assertThat(item("CommandsTableName", "commandId", loserCommand.commandId())
                            .get("reason")
                            .s())
                    .isEqualTo("CARD_ALREADY_LINKED");
            assertThat(item("CardsTableName", "cardId", "card-" + id)
                            .get("employeeId")
                            .s())
                    .isEqualTo(winner);
            assertThat(item("EmployeesTableName", "employeeId", winner)
                            .get("currentCardId")
                            .s())
                    .isEqualTo("card-" + id);
            assertThat(item("EmployeesTableName", "employeeId", loser)).doesNotContainKey("currentCardId");
        }
    }

    @Test
    void offboardingIsSeenAllAtOnceOrNotAtAll() throws Exception {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var employee = "emp-" + id;
        apply(new RegisterEmployee(
                cid(), "hr", Instant.now(), employee, "O-" + id, "Ada", "Lovelace", "ada@example.com", null));
        apply(new IssueCard(cid(), "hr", Instant.now(), "card-" + id, "O" + id, employee, null, null));
        var buildings = IntStream.range(0, 5).mapToObj(i -> "OB" + i + "-" + id).toList();
        for (var building : buildings) {
            apply(new RegisterBuilding(cid(), "hr", Instant.now(), building, "Site", "UTC"));
            apply(new GrantAccess(cid(), "hr", Instant.now(), employee, building, null, null, null));
        }
        var snapshots = new ArrayList<List<Boolean>>();
        var done = new AtomicBoolean();
        try (var reader = Executors.newSingleThreadExecutor()) {
            var reading = reader.submit(() -> {
                while (!done.get()) {
                    snapshots.add(offboardedParts(employee, "card-" + id, buildings));
                }
            });

            apply(new OffboardEmployee(cid(), "hr", Instant.now(), employee));
            done.set(true);
            reading.get();
        }
        snapshots.add(offboardedParts(employee, "card-" + id, buildings));

        assertThat(snapshots.getLast()).containsOnly(true);
        assertThat(snapshots)
                .allSatisfy(parts ->
                        assertThat(parts).as("employee, card, 5 grants").containsOnly(parts.getFirst()));
    }

    /** One consistent snapshot: for the employee, the card and each grant, whether it shows the offboarding. */
    private List<Boolean> offboardedParts(String employee, String card, List<String> buildings) {
        var gets = new ArrayList<TransactGetItem>();
        gets.add(get("EmployeesTableName", Map.of("employeeId", AttributeValue.fromS(employee))));
        gets.add(get("CardsTableName", Map.of("cardId", AttributeValue.fromS(card))));
        buildings.forEach(b -> gets.add(get(
                "GrantsTableName",
                Map.of("employeeId", AttributeValue.fromS(employee), "buildingId", AttributeValue.fromS(b)))));
        var items = dynamoDb.transactGetItems(r -> r.transactItems(gets)).responses();
        var parts = new ArrayList<Boolean>();
        parts.add("OFFBOARDED".equals(items.get(0).item().get("status").s()));
        parts.add("REVOKED".equals(items.get(1).item().get("status").s()));
        for (var i = 2; i < items.size(); i++) {
            parts.add(!items.get(i).hasItem() || items.get(i).item().isEmpty());
        }
        return parts;
    }

    private TransactGetItem get(String table, Map<String, AttributeValue> key) {
        return TransactGetItem.builder()
                .get(Get.builder().tableName(aws.output(table)).key(key).build())
                .build();
    }

    private void race(Command first, Command second) throws Exception {
        var events = List.of(store(first), store(second));
        var barrier = new CyclicBarrier(2);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var results = events.stream()
                    .map(event -> pool.submit(() -> {
                        barrier.await();
                        return applyCommand.apply(event);
                    }))
                    .toList();
            for (var result : results) {
                assertThat(result.get().getBatchItemFailures()).isEmpty();
            }
        }
    }

    private void apply(Command command) {
        assertThat(applyCommand.apply(store(command)).getBatchItemFailures()).isEmpty();
        assertThat(status(command)).as(command.toString()).isEqualTo("APPLIED");
    }

    private SQSEvent store(Command command) {
        var bucket = aws.output("ArtifactBucketName"); // no notifications: only this test applies
        var key = "commands/" + command.commandId() + ".json";
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(MessageJson.write(command)));
        return Deliveries.of(bucket, key);
    }

    private String status(Command command) {
        return item("CommandsTableName", "commandId", command.commandId())
                .get("status")
                .s();
    }

    private static String cid() {
        return UUID.randomUUID().toString();
    }

    private Map<String, AttributeValue> item(String table, String keyName, String key) {
        return dynamoDb.getItem(r -> r.tableName(aws.output(table))
                        .key(Map.of(keyName, AttributeValue.fromS(key)))
                        .consistentRead(true))
                .item();
    }
}
