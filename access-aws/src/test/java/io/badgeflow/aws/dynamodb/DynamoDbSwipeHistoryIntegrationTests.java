package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.door.SwipeQuery;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit reads of the swipes table, over rows written by the consumer's own adapter. */
@ExtendWith(LocalAws.class)
class DynamoDbSwipeHistoryIntegrationTests {

    private static final Instant MIDNIGHT = Instant.parse("2026-11-24T00:00:00Z");

    private static DynamoDbSwipeLog log;
    private static DynamoDbSwipeHistory history;

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        var enhanced = AwsClients.enhanced(AwsClients.dynamoDb(aws));
        log = new DynamoDbSwipeLog(enhanced, aws.output("SwipesTableName"), Duration.ofDays(3650));
        history = new DynamoDbSwipeHistory(enhanced, aws.output("SwipesTableName"));
    }

    @Test
    void readsABuildingsEventsAcrossDayPartitionsOldestFirstEachOnceInRange() {
        var building = id("bldg");
        var written = new ArrayList<String>();
        // Five events an hour apart from 22:00 on the 23rd: three days' partitions.
        for (var i = 0; i < 30; i++) {
            var at = MIDNIGHT.minus(Duration.ofHours(2)).plus(Duration.ofMinutes(97L * i));
            var event = entry(id("evt"), id("door"), building, id("emp"), at, Outcome.GRANTED, DecisionReason.GRANTED);
            log.record(event);
            written.add(event.eventId());
        }
        log.record(entry(
                id("evt"), id("door"), id("other"), id("emp"), MIDNIGHT, Outcome.GRANTED, DecisionReason.GRANTED));
        var from = MIDNIGHT.minus(Duration.ofHours(2));
        var to = from.plus(Duration.ofMinutes(97L * 29));

        var pages = pages(new SwipeQuery(SwipeQuery.By.BUILDING, building, from, to), 7);

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(7, 7, 7, 7, 1);
        assertThat(pages.stream().flatMap(page -> page.items().stream()).map(SwipeEntry::eventId))
                .as("the event at exactly 'to' is left out")
                .containsExactlyElementsOf(written.subList(0, 29));
    }

    @Test
    void readsAnEmployeesPassagesWithDecisionAndReasonAcrossDoors() {
        var employee = id("emp");
        var denied = entry(
                id("evt"),
                id("door"),
                id("bldg"),
                employee,
                MIDNIGHT.plusSeconds(10),
                Outcome.DENIED,
                DecisionReason.CARD_NOT_ACTIVE);
        var exit = new ExitRecorded(
                id("evt"),
                id("door"),
                denied.buildingId(),
                "N-1",
                "card-1",
                employee,
                List.of(AlarmType.REVOKED_CARD_USED),
                MIDNIGHT.plusSeconds(20),
                MIDNIGHT.plusSeconds(21));
        var before = entry(
                id("evt"),
                denied.doorId(),
                denied.buildingId(),
                employee,
                MIDNIGHT.minusSeconds(1),
                Outcome.GRANTED,
                DecisionReason.GRANTED);
        log.record(exit);
        log.record(denied);
        log.record(before);

        var page = history.find(
                new SwipeQuery(SwipeQuery.By.EMPLOYEE, employee, MIDNIGHT, MIDNIGHT.plusSeconds(60)),
                PageRequest.first(10));

        assertThat(page.next()).isNull();
        assertThat(page.items()).extracting(SwipeEntry::eventId).containsExactly(denied.eventId(), exit.eventId());
        var first = page.items().getFirst();
        assertThat(first.decision()).isEqualTo("DENIED");
        assertThat(first.reason()).isEqualTo("CARD_NOT_ACTIVE");
        assertThat(first.rule()).isEqualTo("card-active");
        assertThat(first.cardStatus()).isEqualTo("REVOKED");
        assertThat(first.type()).isEqualTo("EntryDecided");
        assertThat(page.items().getLast().alarms()).containsExactly("REVOKED_CARD_USED");
        assertThat(page.items().getLast().reason()).isEqualTo("EXIT");
    }

    @Test
    void readsADoorsEventsIncludingItsStateChanges() {
        var door = id("door");
        var forced = new DoorStateChanged(id("evt"), door, id("bldg"), DoorState.FORCED, MIDNIGHT.plusSeconds(5));
        var swipe = entry(
                id("evt"),
                door,
                forced.buildingId(),
                id("emp"),
                MIDNIGHT.plusSeconds(1),
                Outcome.GRANTED,
                DecisionReason.GRANTED);
        log.record(forced);
        log.record(swipe);

        var items = history.find(
                        new SwipeQuery(SwipeQuery.By.DOOR, door, MIDNIGHT, MIDNIGHT.plusSeconds(6)),
                        PageRequest.first(10))
                .items();

        assertThat(items).extracting(SwipeEntry::eventId).containsExactly(swipe.eventId(), forced.eventId());
        assertThat(items.getLast().doorState()).isEqualTo("FORCED");
        assertThat(items.getLast().employeeId()).isNull();
    }

    @Test
    void readsABuildingsLatestEventsNewestFirstWithinTheWindow() {
        var building = id("bldg");
        var events = new ArrayList<String>();
        for (var i = 0; i < 6; i++) {
            var event = entry(
                    id("evt"),
                    id("door"),
                    building,
                    id("emp"),
                    MIDNIGHT.minusSeconds(30).plusSeconds(10L * i),
                    Outcome.GRANTED,
                    DecisionReason.GRANTED);
            log.record(event);
            events.add(event.eventId());
        }

        var latest = history.latest(building, MIDNIGHT.minusSeconds(20), MIDNIGHT.plusSeconds(30), 3);

        assertThat(latest).extracting(SwipeEntry::eventId).containsExactly(events.get(5), events.get(4), events.get(3));
        assertThat(history.latest(building, MIDNIGHT.minusSeconds(20), MIDNIGHT.plusSeconds(30), 10))
                .extracting(SwipeEntry::eventId)
                .containsExactly(events.get(5), events.get(4), events.get(3), events.get(2), events.get(1));
    }

    @Test
    void refusesACursorOfAnotherQuery() {
        var employee = id("emp");
        for (var i = 0; i < 3; i++) {
            log.record(entry(
                    id("evt"),
                    id("door"),
                    id("bldg"),
                    employee,
                    MIDNIGHT.plusSeconds(i),
                    Outcome.GRANTED,
                    DecisionReason.GRANTED));
        }
        var query = new SwipeQuery(SwipeQuery.By.EMPLOYEE, employee, MIDNIGHT, MIDNIGHT.plusSeconds(10));
        var cursor = history.find(query, PageRequest.first(1)).next();

        assertThat(cursor).isNotNull();
        assertThatThrownBy(() -> history.find(
                        new SwipeQuery(SwipeQuery.By.EMPLOYEE, id("emp"), MIDNIGHT, MIDNIGHT.plusSeconds(10)),
                        new PageRequest(1, cursor)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> history.find(
                        new SwipeQuery(
                                SwipeQuery.By.EMPLOYEE, employee, MIDNIGHT.plusSeconds(5), MIDNIGHT.plusSeconds(10)),
                        new PageRequest(1, cursor)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> history.find(
                        new SwipeQuery(SwipeQuery.By.BUILDING, "bldg", MIDNIGHT, MIDNIGHT.plusSeconds(10)),
                        new PageRequest(1, cursor)))
                .isInstanceOf(InvalidFieldException.class);
    }

    private static List<Page<SwipeEntry>> pages(SwipeQuery query, int size) {
        var pages = new ArrayList<Page<SwipeEntry>>();
        String cursor = null;
        do {
            var page = history.find(query, new PageRequest(size, cursor));
            pages.add(page);
            cursor = page.next();
        } while (cursor != null && pages.size() < 20);
        return pages;
    }

    private static EntryDecided entry(
            String eventId,
            String doorId,
            String buildingId,
            String employeeId,
            Instant at,
            Outcome outcome,
            DecisionReason reason) {
        var denied = outcome == Outcome.DENIED;
        return new EntryDecided(
                eventId,
                doorId,
                buildingId,
                "N-" + employeeId,
                Direction.IN,
                "card-" + employeeId,
                denied ? CardStatus.REVOKED : CardStatus.ACTIVE,
                employeeId,
                outcome,
                reason,
                denied ? "card-active" : "all-rules-passed",
                "2026-11-24.1",
                List.of(),
                at,
                at.plusMillis(3));
    }

    private static String id(String kind) {
        return kind + "-" + UUID.randomUUID();
    }
}
