package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.audit.ChainVerification.Broken;
import io.badgeflow.model.audit.ChainVerification.Intact;
import io.badgeflow.model.audit.ChainVerification.Problem;
import io.badgeflow.model.command.CommandStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

@ExtendWith(LocalAws.class)
class DynamoDbAdminAuditTrailIntegrationTests {

    private static final Instant FINISHED = Instant.parse("2026-11-24T08:00:00.123Z");

    private static DynamoDbClient dynamoDb;
    private static AwsEnvironment aws;

    @BeforeAll
    static void connect(AwsEnvironment environment) {
        aws = environment;
        dynamoDb = AwsClients.dynamoDb(aws);
    }

    @Test
    void appendsTwoHundredBlocksFromEightConcurrentWritersAsOneContiguousChain() throws Exception {
        var table = freshTable();
        var trail = trail(table);
        Callable<Integer> writer = () -> {
            var appended = 0;
            for (var i = 0; i < 25; i++) {
                var commandId = UUID.randomUUID().toString();
                appended += trail.append(commandId, List.of(applied(commandId))) ? 1 : 0;
            }
            return appended;
        };

        var appended = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures =
                    IntStream.range(0, 8).mapToObj(i -> pool.submit(writer)).toList();
            for (var future : futures) {
                appended += future.get(5, TimeUnit.MINUTES);
            }
        }

        assertThat(appended).isEqualTo(200);
        var blocks = storedBlocks(table);
        assertThat(blocks)
                .extracting(item -> Long.parseLong(item.get("sequence").n()))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 200).boxed().toList());
        for (var i = 1; i < blocks.size(); i++) {
            assertThat(blocks.get(i).get("previousHash").s())
                    .isEqualTo(blocks.get(i - 1).get("hash").s());
        }
        var head = item(table, "main", 0);
        assertThat(head.get("lastSequence").n()).isEqualTo("200");
        assertThat(head.get("lastHash").s())
                .isEqualTo(blocks.getLast().get("hash").s());
        assertThat(trail.verify())
                .isEqualTo(new Intact(200, 200, blocks.getLast().get("hash").s()));
    }

    @Test
    void appendsABlockIdOnceWhenItIsAppendedAgain() {
        var table = freshTable();
        var trail = trail(table);

        var first = trail.append("cmd-1", List.of(applied("cmd-1")));
        var again = trail.append("cmd-1", List.of(applied("cmd-1")));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(storedBlocks(table)).hasSize(1);
        assertThat(item(table, "block#cmd-1", 0).get("blockSequence").n()).isEqualTo("1");
    }

    @Test
    void appendsABlockIdOnceWhenEightWritersAppendItAtOnce() throws Exception {
        var table = freshTable();
        var trail = trail(table);
        trail.append("before", List.of(applied("before")));
        Callable<Boolean> append = () -> trail.append("cmd-race", List.of(applied("cmd-race")));

        var winners = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures =
                    IntStream.range(0, 8).mapToObj(i -> pool.submit(append)).toList();
            for (var future : futures) {
                winners += future.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }
        }

        assertThat(winners).isEqualTo(1);
        assertThat(storedBlocks(table))
                .extracting(item -> item.get("blockId").s())
                .containsExactly("before", "cmd-race");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void storesEveryEntryFieldAndTimesAsEpochMilliseconds() {
        var table = freshTable();
        var trail = trail(table);
        var rejected = new AuditEntry("cmd-2", null, null, CommandStatus.REJECTED, "MALFORMED_COMMAND", null, FINISHED);

        trail.append("batch-1", List.of(applied("cmd-1"), rejected));

        var block = item(table, "main", 1);
        var entries = block.get("entries").l();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).m().get("actor").s()).isEqualTo("hr-admin");
        assertThat(entries.get(0).m().get("finishedAt").n()).isEqualTo(Long.toString(FINISHED.toEpochMilli()));
        assertThat(entries.get(1).m().get("reason").s()).isEqualTo("MALFORMED_COMMAND");
        assertThat(entries.get(1).m().get("actor"))
                .satisfiesAnyOf(
                        absent -> assertThat(absent).isNull(),
                        nul -> assertThat(nul.nul()).isTrue());
        assertThat(trail.latest(10))
                .singleElement()
                .extracting(AuditBlock::entries)
                .isEqualTo(List.of(applied("cmd-1"), rejected));
    }

    @Test
    void listsTheNewestBlocksFirst() {
        var trail = trail(freshTable());
        for (var i = 1; i <= 4; i++) {
            trail.append("cmd-" + i, List.of(applied("cmd-" + i)));
        }

        assertThat(trail.latest(3)).extracting(AuditBlock::sequence).containsExactly(4L, 3L, 2L);
    }

    @Test
    void reportsAnEntryAlteredInTheTableAsBrokenAtThatBlock() {
        var table = chainOf(5);

        alter(table, 3, "SET entries[0].actor = :v", AttributeValue.fromS("mallory"));

        assertThat(trail(table).verify()).isInstanceOfSatisfying(Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(3);
            assertThat(broken.blockId()).isEqualTo("cmd-3");
            assertThat(broken.problem()).isEqualTo(Problem.HASH_MISMATCH);
        });
    }

    @Test
    void reportsADeletedBlockAsAGapAtItsSequence() {
        var table = chainOf(5);

        dynamoDb.deleteItem(r -> r.tableName(table).key(key("main", 2)));

        assertThat(trail(table).verify()).extracting("sequence", "problem").containsExactly(2L, Problem.SEQUENCE_GAP);
    }

    @Test
    void reportsAnAttributeThatCannotBeReadAtItsBlock() {
        var table = chainOf(4);

        alter(table, 2, "SET entries[0].#s = :v", AttributeValue.fromS("MAYBE"));

        assertThat(trail(table).verify())
                .extracting("sequence", "problem")
                .containsExactly(2L, Problem.UNREADABLE_BLOCK);
    }

    @Test
    void theOperatorScriptAgreesWithTheJavaVerifierOnIntactAndTamperedChains() throws Exception {
        var table = chainOf(4);
        var intact = (Intact) trail(table).verify();

        var clean = runScript(table);

        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("admin audit chain intact: 4 blocks, head 4 " + intact.headHash());

        alter(table, 3, "SET entries[0].actor = :v", AttributeValue.fromS("mallory"));
        var tampered = runScript(table);

        assertThat(trail(table).verify()).extracting("sequence", "problem").containsExactly(3L, Problem.HASH_MISMATCH);
        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("admin audit chain BROKEN at sequence 3 (blockId cmd-3): HASH_MISMATCH");
    }

    @Test
    void theOperatorScriptReportsEveryKindOfBreakAsTheJavaVerifierDoes() throws Exception {
        List<Tampering> tamperings = List.of(
                table -> dynamoDb.deleteItem(r -> r.tableName(table).key(key("main", 2))),
                table -> alter(table, 2, "SET previousHash = :v", AttributeValue.fromS("f".repeat(64))),
                table -> alter(table, 3, "SET appendedAt = :v", AttributeValue.fromN("1")),
                table -> alter(table, 1, "REMOVE entries[0].subjectId", null),
                table -> alter(table, 2, "SET entries[0].#s = :v", AttributeValue.fromS("MAYBE")),
                table -> dynamoDb.deleteItem(r -> r.tableName(table).key(key("main", 4))),
                table -> dynamoDb.updateItem(r -> r.tableName(table)
                        .key(key("main", 0))
                        .updateExpression("SET lastHash = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("a".repeat(64))))),
                table -> dynamoDb.updateItem(r -> r.tableName(table)
                        .key(key("main", 0))
                        .updateExpression("SET lastHash = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("not-a-hash")))));
        for (var tampering : tamperings) {
            var table = chainOf(4);
            tampering.apply(table);

            var java = (Broken) trail(table).verify();
            var script = runScript(table);

            assertThat(script.exitCode()).as(script.output()).isEqualTo(1);
            assertThat(script.output())
                    .contains("admin audit chain BROKEN at sequence " + java.sequence() + " (blockId "
                            + (java.blockId() == null ? "none" : java.blockId()) + "): " + java.problem());
        }
    }

    @Test
    void theStorageStacksTableTakesAppendsAndVerifiesIntact() {
        var trail = trail(aws.output("AdminAuditTableName"));
        var commandId = UUID.randomUUID().toString();

        assertThat(trail.append(commandId, List.of(applied(commandId)))).isTrue();

        assertThat(trail.verify().intact()).isTrue();
        assertThat(trail.latest(1))
                .singleElement()
                .extracting(AuditBlock::blockId)
                .isEqualTo(commandId);
    }

    @FunctionalInterface
    private interface Tampering {
        void apply(String table);
    }

    private record ScriptRun(int exitCode, String output) {}

    private static ScriptRun runScript(String table) throws IOException, InterruptedException {
        var repo = AwsEnvironment.repositoryRoot();
        var process = new ProcessBuilder(
                        repo.resolve("infra-cloudformation/scripts/admin-audit-verify")
                                .toString(),
                        "--stage",
                        "local",
                        "--endpoint",
                        aws.endpoint().toString(),
                        "--table",
                        table)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("admin-audit-verify did not finish: " + output);
        }
        return new ScriptRun(process.exitValue(), output);
    }

    private static DynamoDbAdminAuditTrail trail(String table) {
        return new DynamoDbAdminAuditTrail(dynamoDb, table, Clock.systemUTC());
    }

    /** A fresh table with the keys of the storage stack's admin-audit table, holding blocks cmd-1..cmd-n. */
    private static String chainOf(int length) {
        var table = freshTable();
        var trail = trail(table);
        for (var i = 1; i <= length; i++) {
            trail.append("cmd-" + i, List.of(applied("cmd-" + i)));
        }
        assertThat(trail.verify().intact()).isTrue();
        return table;
    }

    /** Each test gets its own chain, so tampering in one never breaks another; the keys come from the template's table. */
    private static String freshTable() {
        var template = dynamoDb.describeTable(r -> r.tableName(aws.output("AdminAuditTableName")))
                .table();
        var name = "admin-audit-test-" + UUID.randomUUID();
        dynamoDb.createTable(r -> r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(template.keySchema())
                .attributeDefinitions(template.attributeDefinitions()));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }

    private static void alter(String table, long sequence, String update, AttributeValue value) {
        dynamoDb.updateItem(r -> {
            r.tableName(table).key(key("main", sequence)).updateExpression(update);
            if (value != null) {
                r.expressionAttributeValues(Map.of(":v", value));
            }
            if (update.contains("#s")) {
                r.expressionAttributeNames(Map.of("#s", "status"));
            }
        });
    }

    private static List<Map<String, AttributeValue>> storedBlocks(String table) {
        var blocks = new ArrayList<Map<String, AttributeValue>>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("#c = :main AND #s > :zero")
                        .expressionAttributeNames(Map.of("#c", "chain", "#s", "sequence"))
                        .expressionAttributeValues(
                                Map.of(":main", AttributeValue.fromS("main"), ":zero", AttributeValue.fromN("0"))))
                .items()
                .forEach(blocks::add);
        return blocks;
    }

    private static Map<String, AttributeValue> item(String table, String chain, long sequence) {
        return dynamoDb.getItem(
                        r -> r.tableName(table).key(key(chain, sequence)).consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> key(String chain, long sequence) {
        return Map.of("chain", AttributeValue.fromS(chain), "sequence", AttributeValue.fromN(Long.toString(sequence)));
    }

    private static AuditEntry applied(String commandId) {
        return new AuditEntry(
                commandId, "RegisterEmployee", "hr-admin", CommandStatus.APPLIED, null, "emp-1", FINISHED);
    }
}
