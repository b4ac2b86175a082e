package io.badgeflow.door;

import static io.badgeflow.door.FakeDoorApi.KEYS;
import static io.badgeflow.door.FakeDoorApi.OTHER_KEYS;
import static io.badgeflow.door.FakeDoorApi.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.offline.AllowList;
import io.badgeflow.model.offline.AllowListDocument;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoorControllerTests {

    @TempDir
    Path data;

    private FakeDoorApi api;
    private final List<DoorController> controllers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        api = new FakeDoorApi();
    }

    @AfterEach
    void stop() {
        controllers.forEach(DoorController::close);
        api.close();
    }

    @Test
    void takesTheServicesAnswerWhenItComesWithinTheDeadlineAndBuffersNothing() {
        var door = controller(api.uri(), 0);

        var result = door.swipe("0042", Direction.IN);

        assertThat(result.offline()).isFalse();
        assertThat(result.reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(door.buffered()).isZero();
    }

    @Test
    void decidesFromTheVerifiedListWhenTheServiceIsLateFailsOrUnreachable() throws Exception {
        api.serve(AllowListDocument.full(list(5, "0042")), KEYS);
        var door = controller(api.uri(), 0);
        assertThat(door.refreshAllowList()).isTrue();

        api.decisionDelayMillis = 600;
        var late = door.swipe("0042", Direction.IN);
        api.decisionDelayMillis = 0;
        api.decisionStatus = 503;
        var failing = door.swipe("0042", Direction.IN);
        var unlisted = door.swipe("9999", Direction.IN);
        var unreachable = controller(deadPort(), 0).swipe("0042", Direction.IN);

        assertThat(List.of(late, failing, unreachable)).allSatisfy(result -> {
            assertThat(result.offline()).isTrue();
            assertThat(result.reason()).isEqualTo(DecisionReason.GRANTED);
            assertThat(result.allowListVersion()).isEqualTo(5);
        });
        assertThat(unlisted.reason()).isEqualTo(DecisionReason.UNKNOWN_CARD);
        assertThat(door.buffered()).isEqualTo(3);
    }

    @Test
    void answersWithinAboutTheDeadlineWhenTheServiceIsLate() {
        api.decisionDelayMillis = 2_000;
        var door = controller(api.uri(), 0);

        var started = System.nanoTime();
        var result = door.swipe("0042", Direction.OUT);
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.offline()).isTrue();
        assertThat(result.reason()).as("an exit opens, list or not").isEqualTo(DecisionReason.EXIT);
        assertThat(took).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void refusesAListThatDoesNotVerifyAndKeepsTheOneItHeld() {
        api.serve(AllowListDocument.full(list(5, "0042")), KEYS);
        var door = controller(api.uri(), 0);
        assertThat(door.refreshAllowList()).isTrue();

        api.serve(AllowListDocument.full(list(9, "0042", "0043")), OTHER_KEYS);
        var byAnotherKey = door.refreshAllowList();
        api.serve(AllowListDocument.full(list(9, "0042", "0043")), KEYS);
        api.listBody = new String(api.listBody).replace("\"HQ\"", "\"XX\"").getBytes();
        var tampered = door.refreshAllowList();

        assertThat(byAnotherKey).isFalse();
        assertThat(tampered).isFalse();
        assertThat(door.refusedLists()).isGreaterThanOrEqualTo(2);
        assertThat(door.allowList()).map(AllowList::version).hasValue(5L);
    }

    @Test
    void appliesADeltaToTheHeldVersionAndNeverGoesBackToAnOlderList() {
        var v5 = list(5, "0042", "0043");
        api.serve(AllowListDocument.full(v5), KEYS);
        var door = controller(api.uri(), 0);
        door.refreshAllowList();

        api.serve(AllowListDocument.delta(v5, list(7, "0042")), KEYS);
        assertThat(door.refreshAllowList()).isTrue();
        api.serve(AllowListDocument.full(list(6, "0042", "0043")), KEYS);
        assertThat(door.refreshAllowList()).isFalse();

        assertThat(api.listQueries).contains("since=5", "since=7");
        assertThat(door.allowList().orElseThrow().version()).isEqualTo(7);
        assertThat(door.allowList().orElseThrow().entryFor("0043")).isEmpty();
        assertThat(api.versionHeaders).contains("7");
    }

    @Test
    void keepsItsListAndItsOfflineDecisionsAcrossARestart() {
        api.serve(AllowListDocument.full(list(5, "0042")), KEYS);
        var before = controller(api.uri(), 0);
        before.refreshAllowList();
        api.decisionStatus = 500;
        var decided = before.swipe("0042", Direction.IN);
        before.close();

        var after = controller(deadPort(), 0);

        assertThat(after.allowList()).map(AllowList::version).hasValue(5L);
        assertThat(after.buffered()).isEqualTo(1);
        assertThat(after.swipe("0042", Direction.IN).granted()).isTrue();
        assertThat(decided.offline()).isTrue();
    }

    @Test
    void keepsTheOldestOfflineDecisionsWhenTheBufferIsFull() {
        var door = controller(deadPort(), 2);

        var first = door.swipe("A", Direction.OUT);
        var second = door.swipe("B", Direction.OUT);
        door.swipe("C", Direction.OUT);

        assertThat(door.buffered()).isEqualTo(2);
        assertThat(door.dropped()).isEqualTo(1);
        var kept = new OfflineBuffer(data.resolve("offline-decisions.jsonl"), 2).pending();
        assertThat(kept).extracting(BufferedDecision::eventId).containsExactly(first.eventId(), second.eventId());
    }

    @Test
    void uploadsInBatchesThatFitTheBodyLimitWithTheOriginalTimesAndForgetsWhatTheServiceTook() throws Exception {
        var offline = controller(deadPort(), 0);
        var times = new ArrayList<String>();
        for (var i = 0; i < 40; i++) {
            times.add(offline.swipe("card-" + i, Direction.OUT).occurredAt().toString());
        }
        offline.close();

        var back = controller(api.uri(), 0);
        var uploaded = back.uploadOffline();

        assertThat(uploaded).isEqualTo(40);
        assertThat(back.buffered()).isZero();
        assertThat(api.uploads)
                .hasSizeGreaterThan(1)
                .allSatisfy(body -> assertThat(body.length).isLessThanOrEqualTo(DoorController.MAX_UPLOAD_BYTES));
        var sent = new ArrayList<String>();
        for (var body : api.uploads) {
            DoorJson.MAPPER.readTree(body).get("decisions").forEach(item -> {
                assertThat(item.get("decision").asString()).isEqualTo("GRANTED");
                sent.add(item.get("occurredAt").asString());
            });
        }
        assertThat(sent).containsExactlyElementsOf(times);
    }

    private DoorController controller(URI uri, int bufferLimit) {
        var settings = new DoorControllerSettings(
                uri, FakeDoorApi.DOOR, "key", KEYS.getPublic(), Duration.ofMillis(200), data, bufferLimit);
        var controller = new DoorController(settings, Clock.systemUTC());
        controllers.add(controller);
        return controller;
    }

    private static URI deadPort() {
        try (var socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
