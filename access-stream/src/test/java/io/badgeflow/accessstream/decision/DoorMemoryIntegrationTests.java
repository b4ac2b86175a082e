package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.InMemoryPresence;
import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.accessstream.limit.DoorRateLimit;
import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbAccessFacts;
import io.badgeflow.aws.dynamodb.DynamoDbCommandFeed;
import io.badgeflow.aws.dynamodb.DynamoDbDoorRegistry;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.model.command.RotateDoorKey;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.SwipeIntake;
import io.badgeflow.model.door.UnknownDeviceException;
import io.badgeflow.model.door.WrongDoorException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The door API's memory of refusals against the emulator, counting every DynamoDB call it makes through an
 * interceptor on this test's own client: a made-up door id costs one read, a wrong key one read and one index query
 * the first time and nothing after, the memory stays within its maximum size, and a rotated key is let in as soon
 * as the command feed sees the rotation.
 */
class DoorMemoryIntegrationTests extends RunningApplication {

    private static final long MAX_REFUSALS = 1_000;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    private final Calls calls = new Calls();
    private final AccessStreamProperties.Decisions settings = new AccessStreamProperties.Decisions(
            Duration.ofHours(1), Duration.ofSeconds(3), null, null, 0, Duration.ofMinutes(5), MAX_REFUSALS);
    private DynamoDbClient counted;
    private RememberedBackOffice memory;
    private DoorGate gate;
    private CommandFeedFollower feed;
    private BackOffice.Site site;

    @BeforeEach
    void gateOnACountedClient() {
        site = new BackOffice(enhanced, aws).site(null, 0);
        counted = DynamoDbClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .overrideConfiguration(config -> config.addExecutionInterceptor(calls))
                .build();
        var countedEnhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(counted).build();
        var tables = new BackOfficeTables(
                aws.output("EmployeesTableName"),
                aws.output("CardsTableName"),
                aws.output("BuildingsTableName"),
                aws.output("DoorsTableName"),
                aws.output("GrantsTableName"),
                aws.output("CommandsTableName"));
        memory = new RememberedBackOffice(
                new DynamoDbAccessFacts(countedEnhanced, tables, new InMemoryPresence()),
                new InMemoryPresence(),
                settings);
        var doors = new RememberedDoors(new DynamoDbDoorRegistry(countedEnhanced, tables.doors()), memory);
        var intake = new SwipeIntake(
                doors,
                event -> {
                    throw new AssertionError("nothing is published here");
                },
                Clock.systemUTC());
        var properties = new AccessStreamProperties("it", null, settings, null, null, null, null, null);
        gate = new DoorGate(intake, memory.refusedKeys(), new DoorRateLimit(properties));
        // Polled by the test only (the interval is an hour), on the same counted client.
        feed = new CommandFeedFollower(
                new DynamoDbCommandFeed(countedEnhanced, tables.commands(), Clock.systemUTC()),
                memory,
                new BackOfficeChanges(),
                Clock.systemUTC(),
                settings,
                new SimpleMeterRegistry());
        feed.start();
    }

    @AfterEach
    void close() {
        feed.stop();
        counted.close();
    }

    @Test
    void readsEachOfTenThousandMadeUpDoorIdsOnceAndRemembersNoMoreThanItsMaximum() {
        var before = calls.total();

        for (var i = 0; i < 10_000; i++) {
            var doorId = "made-up-" + i + "-" + BackOffice.id();
            assertThatThrownBy(() -> gate.admit(doorId, site.keyA().reveal()))
                    .isInstanceOf(UnknownDeviceException.class);
        }

        assertThat(calls.total() - before).as("one GetItem per made-up id").isEqualTo(10_000);
        assertThat(calls.of("GetItem")).isEqualTo(10_000);
        var remembered = memory.doorsRemembered();
        assertThat(remembered.unknownDoors()).isLessThanOrEqualTo(MAX_REFUSALS);
        assertThat(remembered.doors())
                .as("no made-up id takes a real door's place")
                .isZero();
        assertThat(memory.refusedKeys().size()).isLessThanOrEqualTo(MAX_REFUSALS);

        // The real door is still let in, at the cost of its own first read.
        assertThat(gate.admit(site.doorA(), site.keyA().reveal()).doorId()).isEqualTo(site.doorA());
    }

    @Test
    void refusesAWrongKeyStormWithOneReadAndOneIndexQueryInAll() {
        var wrong = DeviceKey.generate().reveal();
        gate.admit(site.doorA(), site.keyA().reveal()); // the door remembered, as in a running service
        var before = calls.snapshot();

        for (var i = 0; i < 5_000; i++) {
            assertThatThrownBy(() -> gate.admit(site.doorA(), wrong)).isInstanceOf(UnknownDeviceException.class);
            if (i % 500 == 0) {
                assertThat(gate.admit(site.doorA(), site.keyA().reveal()).doorId())
                        .as("the door's own key, during the storm")
                        .isEqualTo(site.doorA());
            }
        }

        assertThat(calls.since(before))
                .as("the first wrong key: the door read again (a rotation?) and the key index asked; then nothing")
                .containsExactlyInAnyOrderEntriesOf(Map.of("GetItem", 1L, "Query", 1L));
    }

    @Test
    void refusesAMissingKeyWithoutAStoreCall() {
        gate.admit(site.doorA(), site.keyA().reveal());
        var before = calls.total();

        for (var key : new String[] {null, "", "   ", "k".repeat(513)}) {
            assertThatThrownBy(() -> gate.admit(site.doorA(), key)).isInstanceOf(UnknownDeviceException.class);
        }

        assertThat(calls.total() - before).isZero();
    }

    @Test
    void refusesTheKeyOfAnotherDoorAgainWith403FromMemory() {
        gate.admit(site.doorA(), site.keyA().reveal());
        assertThatThrownBy(() -> gate.admit(site.doorA(), site.keyB().reveal())).isInstanceOf(WrongDoorException.class);
        var before = calls.total();

        for (var i = 0; i < 100; i++) {
            assertThatThrownBy(() -> gate.admit(site.doorA(), site.keyB().reveal()))
                    .isInstanceOf(WrongDoorException.class);
        }

        assertThat(calls.total() - before).isZero();
    }

    @Test
    void letsARotatedKeyInOnceTheCommandFeedSeesTheRotation() {
        var next = DeviceKey.generate();
        gate.admit(site.doorA(), site.keyA().reveal());
        // The reader got its new key a moment before the rotation was applied: refused, and remembered so.
        assertThatThrownBy(() -> gate.admit(site.doorA(), next.reveal())).isInstanceOf(UnknownDeviceException.class);
        var before = calls.total();
        assertThatThrownBy(() -> gate.admit(site.doorA(), next.reveal())).isInstanceOf(UnknownDeviceException.class);
        assertThat(calls.total() - before).as("refused again from memory").isZero();

        new BackOffice(enhanced, aws)
                .apply(new RotateDoorKey(
                        BackOffice.id(),
                        "it",
                        Instant.now(),
                        site.doorA(),
                        DeviceKeyHash.of(next).sha256Hex()));
        feed.poll();

        assertThat(gate.admit(site.doorA(), next.reveal()).doorId()).isEqualTo(site.doorA());
        assertThatThrownBy(() -> gate.admit(site.doorA(), site.keyA().reveal()))
                .as("the old key")
                .isInstanceOf(UnknownDeviceException.class);
    }

    /** Every DynamoDB call of the client, by operation. */
    static final class Calls implements ExecutionInterceptor {

        private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            byOperation
                    .computeIfAbsent(
                            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), any -> new AtomicLong())
                    .incrementAndGet();
        }

        long of(String operation) {
            var count = byOperation.get(operation);
            return count == null ? 0 : count.get();
        }

        long total() {
            return byOperation.values().stream().mapToLong(AtomicLong::get).sum();
        }

        Map<String, Long> snapshot() {
            var copy = new ConcurrentHashMap<String, Long>();
            byOperation.forEach((operation, count) -> copy.put(operation, count.get()));
            return copy;
        }

        Map<String, Long> since(Map<String, Long> before) {
            var delta = new ConcurrentHashMap<String, Long>();
            byOperation.forEach((operation, count) -> {
                var added = count.get() - before.getOrDefault(operation, 0L);
                if (added > 0) {
                    delta.put(operation, added);
                }
            });
            return delta;
        }
    }
}
