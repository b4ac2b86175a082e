package io.badgeflow.accessstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.simulator.PlannedSwipe.Kind;
import io.badgeflow.model.door.Direction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SwipePlanTests {

    private static List<String> cards(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "C" + i).toList();
    }

    @Test
    void evacuatesEveryoneAfterEveryoneEnteredAndThenEnds() {
        var people = new Population(cards(50), List.of());
        var plan = new SwipePlan(Profile.EVACUATION, people, 3, new SplittableRandom(7));
        var directions = new ArrayList<Direction>();

        while (!plan.finished()) {
            var swipe = plan.next().orElseThrow();
            directions.add(swipe.direction());
            people.settle(swipe.person(), swipe.direction() == Direction.IN);
        }

        assertThat(directions).hasSize(100);
        assertThat(directions.subList(0, 50)).containsOnly(Direction.IN);
        assertThat(directions.subList(50, 100)).containsOnly(Direction.OUT);
        assertThat(people.insideCount()).isZero();
    }

    @Test
    void neverPlansASecondPassageForSomeoneWhoseFirstIsUnanswered() {
        var people = new Population(cards(3), List.of());
        var plan = new SwipePlan(Profile.NORMAL_DAY, people, 2, new SplittableRandom(1));

        var claimed = IntStream.range(0, 3)
                .mapToObj(i -> plan.next().orElseThrow().person())
                .toList();

        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(plan.next()).as("everyone is busy").isEmpty();
    }

    @Test
    void bringsEveryoneInOnAMorningRushBeforeAnyoneLeaves() {
        var people = new Population(cards(20), List.of());
        var plan = new SwipePlan(Profile.MORNING_RUSH, people, 2, new SplittableRandom(3));

        for (var i = 0; i < 20; i++) {
            var swipe = plan.next().orElseThrow();
            assertThat(swipe.direction()).isEqualTo(Direction.IN);
            people.settle(swipe.person(), true);
        }

        assertThat(people.insideCount()).isEqualTo(20);
        assertThat(plan.next().orElseThrow().direction()).isEqualTo(Direction.OUT);
    }

    @Test
    void mixesEveryKindOfMisuseIntoRegularPassages() {
        var people = new Population(cards(100), List.of("REVOKED-1"));
        var plan = new SwipePlan(Profile.MISUSE, people, 4, new SplittableRandom(11));
        var kinds = EnumSet.noneOf(Kind.class);

        for (var i = 0; i < 2_000; i++) {
            var swipe = plan.next().orElseThrow();
            kinds.add(swipe.kind());
            if (swipe.person() >= 0) {
                people.settle(swipe.person(), swipe.kind() == Kind.TAILGATE || swipe.direction() == Direction.IN);
            }
        }

        assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
    }
}
