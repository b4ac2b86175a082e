package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.TUESDAY_9;
import static io.badgeflow.model.access.Site.out;
import static io.badgeflow.model.access.Site.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.card.Cards;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Doors;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.employee.Employees;
import io.badgeflow.model.grant.Grants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitTests {

    private final InMemoryAccessFacts facts = Site.standard();

    private Decision leave(EntryRequest request) {
        return policy(facts).decide(request);
    }

    @Test
    void grantsAnExitWithReasonExitAndRecordsWhoLeft() {
        var decision = leave(out("door-1", "0042", TUESDAY_9));

        assertThat(decision)
                .extracting(Decision::decision, Decision::reason, Decision::rule, Decision::direction)
                .containsExactly(Outcome.GRANTED, DecisionReason.EXIT, "exit-always-allowed", Direction.OUT);
        assertThat(decision)
                .extracting(Decision::buildingId, Decision::cardId, Decision::employeeId)
                .containsExactly("HQ", "card-1", "emp-1");
        assertThat(decision.alarms()).isEmpty();
    }

    @Test
    void readsOnlyTheDoorAndTheCardForAnExit() {
        leave(out("door-1", "0042", TUESDAY_9));

        assertThat(facts.reads()).containsExactly("door:door-1", "building:HQ", "card:0042");
    }

    @ParameterizedTest
    @CsvSource({
        "REVOKED, REVOKED_CARD_USED",
        "LOST, LOST_CARD_USED",
        "SUSPENDED, SUSPENDED_CARD_USED",
    })
    void grantsAnExitWithABlockedCardAndRaisesItsAlarm(CardStatus status, AlarmType alarm) {
        facts.with(Cards.in(status).build());

        var decision = leave(out("door-1", "0042", TUESDAY_9));

        assertThat(decision.reason()).isEqualTo(DecisionReason.EXIT);
        assertThat(decision.cardStatus()).isEqualTo(status);
        assertThat(decision.employeeId()).isEqualTo("emp-1");
        assertThat(decision.alarms()).containsExactly(alarm);
    }

    @Test
    void grantsAnExitOfAnUnknownCardAndRaisesTheUnknownCardAlarm() {
        var decision = leave(out("door-1", "FFFF", TUESDAY_9));

        assertThat(decision)
                .extracting(Decision::decision, Decision::reason)
                .containsExactly(Outcome.GRANTED, DecisionReason.EXIT);
        assertThat(decision.cardId()).isNull();
        assertThat(decision.employeeId()).isNull();
        assertThat(decision.alarms()).containsExactly(AlarmType.UNKNOWN_CARD);
    }

    @Test
    void grantsAnExitOutsideTheScheduleWithoutAGrantByAnOffboardedEmployeeWithAnExpiredCard() {
        facts.with(Grants.to("emp-1", "DC").officeHours().build())
                .with(Employees.in(EmployeeStatus.OFFBOARDED).build())
                .with(Cards.active().validUntil(TUESDAY_9.minusSeconds(3600)).build());

        assertThat(leave(out("dc-door", "0042", Site.TUESDAY_9.plusSeconds(14 * 3600)))
                        .reason())
                .isEqualTo(DecisionReason.EXIT);
        assertThat(leave(out("door-1", "0042", TUESDAY_9)).reason()).isEqualTo(DecisionReason.EXIT);
    }

    @Test
    void grantsAnExitAtAnEntryOnlyReader() {
        facts.with(Doors.entryOnly("door-1", "HQ"));

        assertThat(leave(out("door-1", "0042", TUESDAY_9)).reason()).isEqualTo(DecisionReason.EXIT);
    }

    @Test
    void refusesOnlyAnExitAtAnUnknownDoorBecauseNoBuildingCanBeLeftThere() {
        var decision = leave(out("door-404", "0042", TUESDAY_9));

        assertThat(decision)
                .extracting(Decision::decision, Decision::reason, Decision::rule)
                .containsExactly(Outcome.DENIED, DecisionReason.UNKNOWN_DOOR, "door-known");
    }
}
