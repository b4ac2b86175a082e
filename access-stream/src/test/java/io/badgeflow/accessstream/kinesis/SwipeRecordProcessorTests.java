package io.badgeflow.accessstream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.tuple;

import io.badgeflow.accessstream.InMemoryAlarms;
import io.badgeflow.accessstream.InMemoryPresence;
import io.badgeflow.accessstream.stream.DoorEventHandler;
import io.badgeflow.accessstream.stream.ParkedRecords;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.parking.ParkReason;
import io.badgeflow.aws.parking.ParkedRecord;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.access.PresenceProjector;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmRaiser;
import io.badgeflow.model.alarm.RepeatedDenials;
import io.badgeflow.model.archive.ArchivedEvent;
import io.badgeflow.model.archive.ArchivedObject;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.SwipeLog;
import io.badgeflow.model.door.SwipeRecorded;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

class SwipeRecordProcessorTests {

    private static final Instant PARKED_AT = Instant.parse("2026-03-02T09:00:00Z");

    private final RecordingSwipeLog swipes = new RecordingSwipeLog();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeCheckpointer checkpointer = new FakeCheckpointer(swipes);
    private final RecordingArchive archive = new RecordingArchive(swipes);
    private final InMemoryAlarms alarms = new InMemoryAlarms();
    private final InMemoryParkedRecords parkedRecords = new InMemoryParkedRecords();
    private final InMemoryPresence presence = new InMemoryPresence();
    private final SwipeRecordProcessor processor = new SwipeRecordProcessor(
            new DoorEventHandler(
                    swipes,
                    new PresenceProjector(presence, new NoBackOffice()),
                    new AlarmRaiser(alarms, alarms, RepeatedDenials.DEFAULT, Clock.systemUTC()),
                    meters),
            archive,
            new ParkedRecords(parkedRecords, Clock.fixed(PARKED_AT, ZoneOffset.UTC), meters),
            new ConsumerProgress(meters),
            Duration.ofMillis(1));

    SwipeRecordProcessorTests() {
        processor.initialize(InitializationInput.builder()
                .shardId("shardId-000000000000")
                .extendedSequenceNumber(ExtendedSequenceNumber.TRIM_HORIZON)
                .build());
    }

    @Test
    void storesEverySwipeOfABatchThenCheckpointsOnce() {
        processor.processRecords(batch(record("1", swipe("evt-1")), record("2", swipe("evt-2"))));

        assertThat(swipes.recorded).extracting(DoorEvent::eventId).containsExactly("evt-1", "evt-2");
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(2);
    }

    @Test
    void archivesTheBatchInOneCallBeforeApplyingAndCheckpointingIt() {
        processor.processRecords(batch(record("11", swipe("evt-1")), record("12", swipe("evt-2"))));

        assertThat(archive.batches).hasSize(1);
        assertThat(archive.batches.getFirst())
                .extracting(ArchivedEvent::sequenceNumber)
                .containsExactly("11", "12");
        assertThat(archive.batches.getFirst())
                .extracting(a -> a.event().eventId())
                .containsExactly("evt-1", "evt-2");
        assertThat(archive.swipesStoredWhenArchived).containsExactly(0);
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(2);
    }

    @Test
    void retriesTheArchiveUntilItTakesTheBatchAndOnlyThenCheckpoints() {
        archive.failuresToThrow = 2;

        processor.processRecords(batch(record("1", swipe("evt-1"))));

        assertThat(archive.attempts).isEqualTo(3);
        assertThat(archive.batches).hasSize(1);
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(1);
    }

    @Test
    void leavesAnUnreadableRecordOutOfTheArchive() {
        processor.processRecords(
                batch(record("1", "{ not json".getBytes(StandardCharsets.UTF_8)), record("2", swipe("evt-2"))));

        assertThat(archive.batches.getFirst())
                .extracting(ArchivedEvent::sequenceNumber)
                .containsExactly("2");
    }

    @Test
    void parksAnUnreadableRecordAndCheckpointsPastIt() {
        processor.processRecords(batch(
                record("1", "{ not json".getBytes(StandardCharsets.UTF_8)),
                record("2", "{\"type\":\"DoorExploded\"}".getBytes(StandardCharsets.UTF_8)),
                record("3", swipe("evt-3"))));

        assertThat(swipes.recorded).extracting(DoorEvent::eventId).containsExactly("evt-3");
        assertThat(parked("MALFORMED")).isEqualTo(1);
        assertThat(parked("UNKNOWN_TYPE")).isEqualTo(1);
        assertThat(parkedRecords.parked)
                .extracting(ParkedRecord::sequenceNumber, ParkedRecord::reason, ParkedRecord::partitionKey)
                .containsExactly(
                        tuple("1", ParkReason.MALFORMED, "card:CARD-7"),
                        tuple("2", ParkReason.UNKNOWN_TYPE, "card:CARD-7"));
        assertThat(parkedRecords.parked.get(1)).satisfies(record -> {
            assertThat(record.shardId()).isEqualTo("shardId-000000000000");
            assertThat(record.size()).isEqualTo(23);
            assertThat(Base64.getDecoder().decode(record.payloadBase64()))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("{\"type\":\"DoorExploded\"}");
            assertThat(record.message()).contains("DoorExploded");
            assertThat(record.parkedAt()).isEqualTo(PARKED_AT);
        });
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(1);
    }

    @Test
    void parksAnOversizedRecordUnreadWithTheStartOfItsPayload() {
        var huge = new byte[SwipeRecordProcessor.MAX_EVENT_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'x');

        processor.processRecords(batch(record("1", huge), record("2", swipe("evt-2"))));

        assertThat(parkedRecords.parked).singleElement().satisfies(record -> {
            assertThat(record.reason()).isEqualTo(ParkReason.OVERSIZED);
            assertThat(record.size()).isEqualTo(huge.length);
            assertThat(record.truncated()).isTrue();
            assertThat(Base64.getDecoder().decode(record.payloadBase64())).hasSize(ParkedRecord.MAX_EXCERPT_BYTES);
        });
        assertThat(swipes.recorded).extracting(DoorEvent::eventId).containsExactly("evt-2");
    }

    @Test
    void parksARecordWithoutAnEventIdAsAnInvalidField() {
        processor.processRecords(batch(record(
                "1",
                ("{\"type\":\"SwipeRecorded\",\"doorId\":\"door-1\","
                                + "\"buildingId\":\"b\",\"cardNumber\":\"C\",\"direction\":\"IN\","
                                + "\"occurredAt\":\"2026-03-02T08:00:00Z\",\"receivedAt\":\"2026-03-02T08:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8))));

        assertThat(parkedRecords.parked).extracting(ParkedRecord::reason).containsExactly(ParkReason.INVALID_FIELD);
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(0);
    }

    @Test
    void parksARecordTheStoreRefusesForGood() {
        swipes.refused.add("evt-1");

        processor.processRecords(batch(record("1", swipe("evt-1"))));

        assertThat(parkedRecords.parked).singleElement().satisfies(record -> {
            assertThat(record.reason()).isEqualTo(ParkReason.REJECTED_BY_STORE);
            assertThat(record.message()).startsWith("ValidationException");
        });
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(0);
    }

    @Test
    void recordsABatchInOneCallAndWhereTheStoreRefusesItOneByOneParkingOnlyTheRefusedRecord() {
        processor.processRecords(batch(record("1", swipe("evt-1")), record("2", swipe("evt-2"))));
        assertThat(swipes.attempts).isEqualTo(1);

        swipes.refused.add("evt-4");
        processor.processRecords(
                batch(record("3", swipe("evt-3")), record("4", swipe("evt-4")), record("5", swipe("evt-5"))));

        assertThat(parkedRecords.parked)
                .extracting(ParkedRecord::sequenceNumber)
                .containsExactly("4");
        assertThat(swipes.recorded).extracting(DoorEvent::eventId).containsExactly("evt-1", "evt-2", "evt-3", "evt-5");
        assertThat(meters.counter("badgeflow.stream.events.applied").count()).isEqualTo(4);
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(2, 4);
    }

    @Test
    void countsAnEventPutTwiceInOneBatchAsRecordedOnce() {
        processor.processRecords(batch(record("1", swipe("evt-1")), record("2", swipe("evt-1"))));

        assertThat(swipes.recorded).hasSize(1);
        assertThat(meters.counter("badgeflow.stream.events.applied").count()).isEqualTo(1);
        assertThat(meters.counter("badgeflow.stream.events.repeated").count()).isEqualTo(1);
    }

    @Test
    void retriesParkingUntilTheRecordIsParkedBeforeItCheckpoints() {
        parkedRecords.failuresToThrow = 2;

        processor.processRecords(batch(record("1", "nope".getBytes(StandardCharsets.UTF_8))));

        assertThat(parkedRecords.parked).hasSize(1);
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(0);
    }

    @Test
    void aDoorForcedIsPublishedOnceWhenTheFirstPublishFailsAndTheEventIsRetried() {
        alarms.failuresToThrow = 1;
        var at = Instant.parse("2026-03-02T08:00:00Z");
        var forced = MessageJson.write(new DoorStateChanged("evt-forced", "door-1", "bldg-1", DoorState.FORCED, at));

        processor.processRecords(batch(record("1", forced), record("2", forced)));

        assertThat(alarms.published)
                .extracting(Alarm::type, Alarm::eventId)
                .containsExactly(tuple(AlarmType.DOOR_FORCED, "evt-forced"));
        assertThat(parkedRecords.parked).isEmpty();
    }

    @Test
    void retriesAFailingStoreBeforeItCheckpoints() {
        swipes.failuresToThrow = 3;

        processor.processRecords(batch(record("1", swipe("evt-1"))));

        assertThat(swipes.attempts).isEqualTo(4);
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(1);
    }

    @Test
    void doesNotCheckpointAnEmptyBatch() {
        processor.processRecords(batch());

        assertThat(checkpointer.swipesStoredAtEachCheckpoint).isEmpty();
    }

    @Test
    void checkpointsAtShardEndAndWhenAskedToShutDown() {
        processor.shardEnded(
                ShardEndedInput.builder().checkpointer(checkpointer.proxy()).build());
        processor.shutdownRequested(ShutdownRequestedInput.builder()
                .checkpointer(checkpointer.proxy())
                .build());

        assertThat(checkpointer.swipesStoredAtEachCheckpoint).hasSize(2);
    }

    @Test
    void takesALostLeaseAtCheckpointTimeCalmly() {
        checkpointer.leaseLost = true;

        assertThatNoException().isThrownBy(() -> processor.processRecords(batch(record("1", swipe("evt-1")))));
        assertThat(swipes.recorded).hasSize(1);
    }

    private double parked(String reason) {
        var counter = meters.find("badgeflow.stream.records.parked")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private ProcessRecordsInput batch(KinesisClientRecord... records) {
        return ProcessRecordsInput.builder()
                .records(List.of(records))
                .checkpointer(checkpointer.proxy())
                .millisBehindLatest(0L)
                .build();
    }

    @Test
    void keepsEachPartitionKeysOrderWhileKeysRunSideBySide() {
        var records = new ArrayList<KinesisClientRecord>();
        var start = Instant.parse("2026-03-02T08:00:00Z");
        for (var i = 0; i < 40; i++) {
            var door = "door-" + (i % 4);
            var forced = new DoorStateChanged("f" + i, door, "bldg-1", DoorState.FORCED, start.plusSeconds(i));
            records.add(KinesisClientRecord.builder()
                    .sequenceNumber(Integer.toString(i))
                    .partitionKey("door:" + door)
                    .data(ByteBuffer.wrap(MessageJson.write(forced)))
                    .approximateArrivalTimestamp(Instant.now())
                    .build());
        }

        processor.processRecords(batch(records.toArray(KinesisClientRecord[]::new)));

        assertThat(alarms.published).hasSize(40);
        for (var k = 0; k < 4; k++) {
            var door = "door-" + k;
            assertThat(alarms.published)
                    .filteredOn(alarm -> alarm.doorId().equals(door))
                    .extracting(Alarm::occurredAt)
                    .hasSize(10)
                    .isSorted();
        }
        assertThat(checkpointer.swipesStoredAtEachCheckpoint).containsExactly(40);
    }

    @Test
    void foldsEachPersonsPassagesOfABatchIntoOnePresenceWrite() {
        var records = new ArrayList<KinesisClientRecord>();
        var start = Instant.parse("2026-03-02T08:00:00Z");
        for (var i = 0; i < 40; i++) {
            var employee = "E" + (i % 4);
            var exit = new ExitRecorded(
                    "x" + i,
                    "door-1",
                    "bldg-1",
                    "CARD-" + employee,
                    "card-" + employee,
                    employee,
                    List.of(),
                    start.plusSeconds(i),
                    start.plusSeconds(i));
            records.add(KinesisClientRecord.builder()
                    .sequenceNumber(Integer.toString(i))
                    .partitionKey("employee:" + employee)
                    .data(ByteBuffer.wrap(MessageJson.write(exit)))
                    .approximateArrivalTimestamp(Instant.now())
                    .build());
        }

        processor.processRecords(batch(records.toArray(KinesisClientRecord[]::new)));

        assertThat(presence.writes).hasSize(4).allSatisfy(written -> {
            assertThat(written.version())
                    .as("one version per passage, in order")
                    .isEqualTo(10);
            assertThat(written.lastEventId())
                    .isEqualTo("x" + (36 + Integer.parseInt(written.employeeId().substring(1))));
        });
    }

    private static KinesisClientRecord record(String sequenceNumber, byte[] data) {
        return KinesisClientRecord.builder()
                .sequenceNumber(sequenceNumber)
                .partitionKey("card:CARD-7")
                .data(ByteBuffer.wrap(data))
                .approximateArrivalTimestamp(Instant.now())
                .build();
    }

    private static byte[] swipe(String eventId) {
        var at = Instant.parse("2026-03-02T08:00:00Z");
        return MessageJson.write(new SwipeRecorded(eventId, "door-1", "bldg-1", "CARD-7", Direction.IN, at, at));
    }

    static final class RecordingArchive implements EventArchive {
        final List<List<ArchivedEvent>> batches = new ArrayList<>();
        final List<Integer> swipesStoredWhenArchived = new ArrayList<>();
        final RecordingSwipeLog swipes;
        int failuresToThrow;
        int attempts;

        RecordingArchive(RecordingSwipeLog swipes) {
            this.swipes = swipes;
        }

        @Override
        public void store(String shardId, List<ArchivedEvent> batch) {
            attempts++;
            if (failuresToThrow > 0) {
                failuresToThrow--;
                throw new IllegalStateException("bucket unavailable");
            }
            batches.add(List.copyOf(batch));
            swipesStoredWhenArchived.add(swipes.recorded.size());
        }

        @Override
        public void read(Instant from, Instant to, Consumer<ArchivedObject> visitor) {
            throw new AssertionError("the consumer never reads the archive");
        }
    }

    static final class RecordingSwipeLog implements SwipeLog {
        final List<DoorEvent> recorded = new ArrayList<>();
        /** Event ids the store refuses for good: a batch holding one fails as a whole, like BatchWriteItem. */
        final Set<String> refused = new HashSet<>();

        int failuresToThrow;
        int attempts;

        @Override
        public synchronized Set<String> recordAll(List<DoorEvent> events) {
            attempts++;
            if (events.stream().anyMatch(event -> refused.contains(event.eventId()))) {
                throw DynamoDbException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ValidationException")
                                .errorMessage("Item size has exceeded the maximum")
                                .build())
                        .build();
            }
            if (failuresToThrow > 0) {
                failuresToThrow--;
                throw new IllegalStateException("store unavailable");
            }
            var first = new HashSet<String>();
            for (var event : events) {
                if (recorded.stream().noneMatch(kept -> kept.eventId().equals(event.eventId()))) {
                    recorded.add(event);
                    first.add(event.eventId());
                }
            }
            return first;
        }
    }

    static final class InMemoryParkedRecords implements ParkedRecordStore {
        final List<ParkedRecord> parked = new ArrayList<>();
        int failuresToThrow;

        @Override
        public synchronized void park(ParkedRecord record) {
            if (failuresToThrow > 0) {
                failuresToThrow--;
                throw new IllegalStateException("parking table unavailable");
            }
            parked.add(record);
        }

        @Override
        public Page<ParkedRecord> newest(PageRequest page) {
            return new Page<>(parked.reversed(), null);
        }
    }

    /** Swipes move nobody, so the projector never asks. */
    static final class NoBackOffice implements AccessFacts {
        @Override
        public Optional<Door> door(String doorId) {
            throw new AssertionError("not asked");
        }

        @Override
        public Optional<Building> building(String buildingId) {
            throw new AssertionError("not asked");
        }

        @Override
        public Optional<Card> cardByNumber(String cardNumber) {
            throw new AssertionError("not asked");
        }

        @Override
        public Optional<Employee> employee(String employeeId) {
            throw new AssertionError("not asked");
        }

        @Override
        public Optional<AccessGrant> grant(String employeeId, String buildingId) {
            throw new AssertionError("not asked");
        }

        @Override
        public AntiPassback antiPassback(String buildingId) {
            throw new AssertionError("not asked");
        }

        @Override
        public Optional<Presence> presence(String employeeId, String buildingId) {
            throw new AssertionError("not asked");
        }
    }

    /** Only {@code checkpoint()} is ours to call; anything else is a test failure. */
    static final class FakeCheckpointer {
        final List<Integer> swipesStoredAtEachCheckpoint = new ArrayList<>();
        final RecordingSwipeLog swipes;
        boolean leaseLost;

        FakeCheckpointer(RecordingSwipeLog swipes) {
            this.swipes = swipes;
        }

        RecordProcessorCheckpointer proxy() {
            return (RecordProcessorCheckpointer) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {RecordProcessorCheckpointer.class},
                    (self, method, args) -> {
                        if (method.getName().equals("checkpoint") && (args == null || args.length == 0)) {
                            if (leaseLost) {
                                throw new ShutdownException("lease lost");
                            }
                            swipesStoredAtEachCheckpoint.add(swipes.recorded.size());
                            return null;
                        }
                        throw new UnsupportedOperationException(method.toString());
                    });
        }
    }
}
