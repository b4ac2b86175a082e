package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.TUESDAY_9;
import static io.badgeflow.model.access.Site.in;
import static io.badgeflow.model.access.Site.out;
import static io.badgeflow.model.access.Site.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.grant.Grants;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AntiPassbackRuleTests {

    private static final Presence INSIDE_SINCE_NINE =
            Presence.unknown("emp-1", "HQ").entered("evt-13", "door-1", TUESDAY_9);

    private final InMemoryAccessFacts facts = Site.standard();

    private Decision decide(EntryRequest request) {
        return policy(facts).decide(request);
    }

    @Test
    void deniesReentryWhileInsideUnderHardAntiPassbackAndRaisesTheAlarm() {
        facts.antiPassback("HQ", AntiPassback.hard()).with(INSIDE_SINCE_NINE);

        var decision = decide(in("door-2", "0042", TUESDAY_9.plusSeconds(30)));

        assertThat(decision)
                .extracting(Decision::decision, Decision::reason, Decision::rule)
                .containsExactly(Outcome.DENIED, DecisionReason.ANTI_PASSBACK, "anti-passback");
        assertThat(decision.alarms()).containsExactly(AlarmType.ANTI_PASSBACK);
    }

    @Test
    void treatsABuildingWithoutASettingAsHard() {
        facts.with(INSIDE_SINCE_NINE);

        assertThat(decide(in(TUESDAY_9.plusSeconds(30))).reason()).isEqualTo(DecisionReason.ANTI_PASSBACK);
    }

    @Test
    void grantsReentryAfterTheExitWasRecorded() {
        facts.with(INSIDE_SINCE_NINE.left("evt-14", "door-1", TUESDAY_9.plusSeconds(60)));

        assertThat(decide(in(TUESDAY_9.plusSeconds(90))).granted()).isTrue();
    }

    @Test
    void grantsReentryWhileInsideUnderSoftAntiPassbackButRaisesTheAlarm() {
        facts.antiPassback("HQ", AntiPassback.soft()).with(INSIDE_SINCE_NINE);

        var decision = decide(in(TUESDAY_9.plusSeconds(30)));

        assertThat(decision)
                .extracting(Decision::decision, Decision::reason, Decision::rule)
                .containsExactly(Outcome.GRANTED, DecisionReason.GRANTED, "anti-passback");
        assertThat(decision.alarms()).containsExactly(AlarmType.ANTI_PASSBACK);
    }

    @Test
    void grantsReentryUnderTimedAntiPassbackFromTheMinuteItAllows() {
        facts.antiPassback("HQ", AntiPassback.timed(15)).with(INSIDE_SINCE_NINE);
        var allowedFrom = TUESDAY_9.plus(Duration.ofMinutes(15));

        var early = decide(in(allowedFrom.minusMillis(1)));
        var onTime = decide(in(allowedFrom));

        assertThat(early.reason()).isEqualTo(DecisionReason.ANTI_PASSBACK);
        assertThat(early.alarms()).containsExactly(AlarmType.ANTI_PASSBACK);
        assertThat(onTime)
                .extracting(Decision::reason, Decision::rule)
                .containsExactly(DecisionReason.GRANTED, "all-rules-passed");
        assertThat(onTime.alarms()).isEmpty();
    }

    @Test
    void grantsReentryWhileInsideWhenOffAndReadsNoPresence() {
        facts.antiPassback("HQ", AntiPassback.off()).with(INSIDE_SINCE_NINE);

        var decision = decide(in(TUESDAY_9.plusSeconds(30)));

        assertThat(decision.granted()).isTrue();
        assertThat(decision.alarms()).isEmpty();
        assertThat(facts.reads()).noneMatch(read -> read.startsWith("presence:"));
    }

    @Test
    void looksOnlyAtPresenceInTheDoorsOwnBuilding() {
        facts.with(Grants.to("emp-1", "DC").build()).with(INSIDE_SINCE_NINE);

        assertThat(decide(in("dc-door", "0042", TUESDAY_9.plusSeconds(30))).granted())
                .isTrue();
    }

    @Test
    void movesPresenceInsideAfterAGrantedEntryAndOutsideAfterAnExit() {
        var read = facts.presenceOf("emp-1", "HQ");

        var entry = decide(in("door-1", "0042", TUESDAY_9));
        var entered = entry.presenceAfter(read).orElseThrow();
        var exit = decide(out("door-2", "0042", TUESDAY_9.plusSeconds(60)));
        var left = exit.presenceAfter(entered).orElseThrow();

        assertThat(entered).isEqualTo(new Presence("emp-1", "HQ", true, "door-1", TUESDAY_9, entry.eventId(), 1));
        assertThat(left)
                .isEqualTo(new Presence("emp-1", "HQ", false, "door-2", TUESDAY_9.plusSeconds(60), exit.eventId(), 2));
    }

    @Test
    void writesNothingWhenTheSameSwipeIsAppliedAgain() {
        var entry = decide(in("door-1", "0042", TUESDAY_9));
        var entered = entry.presenceAfter(facts.presenceOf("emp-1", "HQ")).orElseThrow();

        assertThat(entry.presenceAfter(entered)).isEmpty();
    }

    @Test
    void leavesPresenceAloneAfterADenialAnUnknownCardsExitOrAStaleExit() {
        var inside = INSIDE_SINCE_NINE;
        facts.with(inside);

        assertThat(decide(in(TUESDAY_9.plusSeconds(30))).presenceAfter(inside)).isEmpty();
        assertThat(decide(out("door-1", "FFFF", TUESDAY_9.plusSeconds(30))).presenceAfter(inside))
                .isEmpty();
        assertThat(decide(out("door-1", "0042", TUESDAY_9.minusSeconds(30))).presenceAfter(inside))
                .isEmpty();
    }

    @Test
    void admitsOneOfTwoEntriesRacingAtTwoDoors() {
        var read = facts.presenceOf("emp-1", "HQ");
        var atDoorOne = decide(in("door-1", "0042", TUESDAY_9));
        var atDoorTwo = decide(in("door-2", "0042", TUESDAY_9));
        assertThat(atDoorOne.granted()).isTrue();
        assertThat(atDoorTwo.granted()).as("both decided on the same presence").isTrue();

        var firstWrite = facts.writePresence(read, atDoorOne.presenceAfter(read).orElseThrow());
        var secondWrite =
                facts.writePresence(read, atDoorTwo.presenceAfter(read).orElseThrow());
        var decidedAgain = decide(in("door-2", "0042", TUESDAY_9));

        assertThat(firstWrite).isTrue();
        assertThat(secondWrite).as("the version it read is gone").isFalse();
        assertThat(decidedAgain.reason()).isEqualTo(DecisionReason.ANTI_PASSBACK);
        assertThat(facts.presenceOf("emp-1", "HQ"))
                .extracting(Presence::lastDoorId, Presence::version)
                .containsExactly("door-1", 1L);
    }
}
