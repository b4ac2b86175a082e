package io.badgeflow.model.archive;

import static io.badgeflow.model.archive.Passages.NINE;
import static io.badgeflow.model.archive.Passages.denied;
import static io.badgeflow.model.archive.Passages.entry;
import static io.badgeflow.model.archive.Passages.exit;
import static io.badgeflow.model.archive.Passages.readerExit;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PassageFoldTests {

    @Test
    void listsWhoseNewestPassageBeforeTheMomentIsAnEntryWithTheirDoorAndSince() {
        var fold = fold(
                "HQ",
                NINE.plusSeconds(3600),
                List.of(
                        entry("e1", "emp-1", "HQ", "door-a", NINE),
                        entry("e2", "emp-2", "HQ", "door-b", NINE.plusSeconds(60)),
                        exit("x2", "emp-2", "HQ", "door-c", NINE.plusSeconds(120)),
                        entry("e3", "emp-3", "HQ", "door-c", NINE.plusSeconds(30))));

        assertThat(fold.inside())
                .containsExactly(
                        new PersonInside("emp-1", "door-a", NINE),
                        new PersonInside("emp-3", "door-c", NINE.plusSeconds(30)));
        assertThat(fold.eventsRead()).isEqualTo(4);
    }

    @Test
    void ignoresPassagesAfterTheMomentButCountsAPassageAtIt() {
        var fold = fold(
                "HQ",
                NINE,
                List.of(
                        entry("e1", "emp-1", "HQ", "door-a", NINE),
                        entry("e2", "emp-2", "HQ", "door-a", NINE.minusSeconds(60)),
                        exit("x2", "emp-2", "HQ", "door-a", NINE.plusSeconds(1))));

        assertThat(fold.inside()).extracting(PersonInside::employeeId).containsExactly("emp-2", "emp-1");
    }

    @Test
    void givesTheSameAnswerWhateverTheOrderOfTheEvents() {
        var events = new ArrayList<DoorEvent>(List.of(
                entry("e1", "emp-1", "HQ", "door-a", NINE),
                exit("x1", "emp-1", "HQ", "door-a", NINE.plusSeconds(60)),
                entry("e1b", "emp-1", "HQ", "door-b", NINE.plusSeconds(120)),
                entry("e2", "emp-2", "HQ", "door-a", NINE),
                exit("x2", "emp-2", "HQ", "door-b", NINE.plusSeconds(90))));
        var expected = List.of(new PersonInside("emp-1", "door-b", NINE.plusSeconds(120)));
        var random = new Random(7);

        for (int round = 0; round < 20; round++) {
            Collections.shuffle(events, random);
            assertThat(fold("HQ", NINE.plusSeconds(3600), events).inside()).isEqualTo(expected);
        }
    }

    @Test
    void leavesOutOtherBuildingsDenialsAndDoorStates() {
        var fold = fold(
                "HQ",
                NINE.plusSeconds(3600),
                List.of(
                        entry("e1", "emp-1", "LAB", "door-l", NINE),
                        denied("d2", "emp-2", "HQ", "door-a", NINE),
                        new DoorStateChanged("s1", "door-a", "HQ", DoorState.FORCED, NINE)));

        assertThat(fold.inside()).isEmpty();
        assertThat(fold.eventsRead()).isEqualTo(3);
    }

    @Test
    void appliesAReaderExitWithJustACardNumberToWhoEnteredWithThatCard() {
        var fold = fold(
                "HQ",
                NINE.plusSeconds(3600),
                List.of(
                        entry("e1", "emp-1", "HQ", "door-a", NINE),
                        entry("e2", "emp-2", "HQ", "door-a", NINE),
                        readerExit("x1", "card-of-emp-1", "HQ", "door-b", NINE.plusSeconds(60)),
                        readerExit("x9", "card-never-seen", "HQ", "door-b", NINE.plusSeconds(60))));

        assertThat(fold.inside()).extracting(PersonInside::employeeId).containsExactly("emp-2");
    }

    private static PassageFold fold(String building, java.time.Instant at, List<? extends DoorEvent> events) {
        var fold = new PassageFold(building, at);
        events.forEach(fold::accept);
        return fold;
    }
}
