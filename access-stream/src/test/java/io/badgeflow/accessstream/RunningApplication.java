package io.badgeflow.accessstream;

import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one application context of all integration tests: the whole access-stream (HTTP API, KCL consumer) on a
 * random port against the shared emulator, with the {@code local} profile's KCL settings. Every integration test
 * class extends this and declares nothing else on the context, so Spring's context cache runs one KCL scheduler
 * for the whole test run. Tests start once the worker owns a lease, read from the lease table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public abstract class RunningApplication {

    /** A stage of its own gives this run its own KCL tables, so it never competes with a running bin/run. */
    static final String STAGE =
            "it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private static volatile boolean leaseOwned;

    protected final AwsEnvironment aws = LocalAws.environment();

    @LocalServerPort
    protected int port;

    @Autowired
    protected DynamoDbClient dynamoDb;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        aws.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        aws.stackProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("badgeflow.access-stream.stage", () -> STAGE);
        // Low enough that a test reaches it with a few swipes.
        registry.add("badgeflow.access-stream.alarms.repeated-denials-threshold", () -> "3");
        // Low enough that a test's flood reaches them (DoorApiUnderAttackIntegrationTests), above what the other
        // tests send from loopback (EmulatorRestartIntegrationTests: about 30 a second at one door).
        registry.add("badgeflow.access-stream.door-api.per-source.burst", () -> "500");
        registry.add("badgeflow.access-stream.door-api.per-source.per-second", () -> "100");
        registry.add("badgeflow.access-stream.door-api.per-door.burst", () -> "100");
        registry.add("badgeflow.access-stream.door-api.per-door.per-second", () -> "50");
        // Small enough that 10,000 made-up door ids overflow it.
        registry.add("badgeflow.access-stream.decisions.max-refusals", () -> "1000");
        // These tests check behaviour, not speed: on a loaded machine a slow answer must stay an answer, not become
        // a 503 of the overload protection (DecisionOverloadIntegrationTests checks that, in a context of its own).
        registry.add("badgeflow.access-stream.admission.default-deadline", () -> "10s");
        registry.add("badgeflow.access-stream.admission.max-concurrent", () -> "64");
        registry.add("badgeflow.access-stream.admission.backlog", () -> "64");
        registry.add("badgeflow.access-stream.admission.max-wait", () -> "10s");
    }

    @BeforeEach
    void awaitLeaseOwnership() {
        if (leaseOwned) {
            return;
        }
        var leaseTable = "badgeflow-" + STAGE + "-access-stream";
        await("a shard lease with an owner in " + leaseTable)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> dynamoDb.scan(r -> r.tableName(leaseTable).consistentRead(true)).items().stream()
                        .anyMatch(item -> item.containsKey("leaseOwner")
                                && item.get("leaseKey").s().startsWith("shardId-")));
        leaseOwned = true;
    }

    protected RestClient http() {
        return RestClient.create("http://127.0.0.1:" + port);
    }
}
