package io.badgeflow.model.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DoorStateChangedTests {

    private static final Instant NIGHT = Instant.parse("2026-11-24T22:14:52Z");

    @Test
    void keysADoorsStatesByTheDoorWhoeverPassesIt() {
        var forced = new DoorStateChanged("evt-1", "door-1", "HQ", DoorState.FORCED, NIGHT);

        assertThat(forced.partitionKey()).isEqualTo("door:door-1");
    }

    @Test
    void raisesAnAlarmOnlyForAForcedOrHeldOpenDoor() {
        assertThat(DoorState.FORCED.alarm()).contains(AlarmType.DOOR_FORCED);
        assertThat(DoorState.HELD_OPEN.alarm()).contains(AlarmType.DOOR_HELD_OPEN);
        assertThat(DoorState.OPENED.alarm()).isEmpty();
        assertThat(DoorState.CLOSED.alarm()).isEmpty();
    }

    @Test
    void refusesAStateChangeWithoutAState() {
        assertThatThrownBy(() -> new DoorStateChanged("evt-1", "door-1", "HQ", null, NIGHT))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("state");
    }

    @Test
    void refusesAnExitWithoutACardNumber() {
        assertThatThrownBy(() -> new ExitRecorded("evt-1", "door-1", "HQ", " ", null, null, null, NIGHT, NIGHT))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("cardNumber");
    }

    @Test
    void keysAnExitAReaderPutDirectlyByItsCardNumber() {
        var exit = new ExitRecorded("evt-1", "door-1", "HQ", "0042", null, null, null, NIGHT, NIGHT);

        assertThat(exit.partitionKey()).isEqualTo("card:0042");
        assertThat(exit.alarms()).isEmpty();
    }
}
