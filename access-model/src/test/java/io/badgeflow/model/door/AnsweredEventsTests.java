package io.badgeflow.model.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnsweredEventsTests {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    private final List<List<SwipeAtDoor>> reported = new ArrayList<>();
    private final AnsweredEvents<String> answered =
            new AnsweredEvents<>(new ConcurrentHashMap<>(), (first, repeat) -> reported.add(List.of(first, repeat)));
    private final AtomicInteger worked = new AtomicInteger();

    @Test
    void answersAnIdenticalRepeatWithTheFirstAnswerWithoutWorkingAgain() {
        var first = answered.answer(swipe("card-1", Direction.IN), this::work);

        var again = answered.answer(swipe("card-1", Direction.IN), this::work);

        assertThat(again).isEqualTo(first).isEqualTo("answer-1");
        assertThat(worked).hasValue(1);
        assertThat(reported).isEmpty();
    }

    @Test
    void refusesAndReportsARepeatWithAnotherCardDirectionDoorOrTime() {
        answered.answer(swipe("card-1", Direction.IN), this::work);
        var forged = List.of(
                swipe("card-2", Direction.IN),
                swipe("card-1", Direction.OUT),
                new SwipeAtDoor("evt-1", "door-2", "bldg-1", "card-1", Direction.IN, AT),
                new SwipeAtDoor("evt-1", "door-1", "bldg-1", "card-1", Direction.IN, AT.plusSeconds(1)));

        for (var repeat : forged) {
            assertThatThrownBy(() -> answered.answer(repeat, this::work))
                    .isInstanceOf(EventIdReusedException.class)
                    .hasMessageContaining("evt-1");
        }

        assertThat(worked).hasValue(1);
        assertThat(reported).extracting(pair -> pair.get(1)).containsExactlyElementsOf(forged);
        assertThat(reported).extracting(List::getFirst).containsOnly(swipe("card-1", Direction.IN));
    }

    @Test
    void stillRefusesWhenReportingFailsAndAttachesTheFailure() {
        var failing = new AnsweredEvents<String>(new ConcurrentHashMap<>(), (first, repeat) -> {
            throw new IllegalStateException("topic down");
        });
        failing.answer(swipe("card-1", Direction.IN), this::work);

        assertThatThrownBy(() -> failing.answer(swipe("card-2", Direction.IN), this::work))
                .isInstanceOf(EventIdReusedException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void leavesNoClaimWhenTheWorkFailsSoARetryWorksAgain() {
        assertThatThrownBy(() -> answered.answer(swipe("card-1", Direction.IN), () -> {
                    throw new IllegalStateException("store down");
                }))
                .hasMessage("store down");

        assertThat(answered.answer(swipe("card-1", Direction.IN), this::work)).isEqualTo("answer-1");
    }

    @Test
    void givesConcurrentRepeatsOneAnswerWorkedOutOnce() throws Exception {
        var release = new CountDownLatch(1);
        var futures = new ArrayList<Future<String>>();
        try (var executor = Executors.newFixedThreadPool(8)) {
            for (var i = 0; i < 8; i++) {
                futures.add(executor.submit(() -> answered.answer(swipe("card-1", Direction.IN), () -> {
                    await(release);
                    return work();
                })));
            }
            Thread.sleep(50);
            release.countDown();
            var answers = new ArrayList<String>();
            for (var future : futures) {
                answers.add(future.get());
            }
            assertThat(answers).containsOnly("answer-1").hasSize(8);
        }
        assertThat(worked).hasValue(1);
    }

    private String work() {
        return "answer-" + worked.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SwipeAtDoor swipe(String cardNumber, Direction direction) {
        return new SwipeAtDoor("evt-1", "door-1", "bldg-1", cardNumber, direction, AT);
    }
}
