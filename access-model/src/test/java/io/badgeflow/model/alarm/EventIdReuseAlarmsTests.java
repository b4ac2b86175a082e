package io.badgeflow.model.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.SwipeAtDoor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIdReuseAlarmsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:05Z");
    private static final SwipeAtDoor FIRST =
            new SwipeAtDoor("evt-1", "door-1", "bldg-1", "card-1", Direction.IN, NOW.minusSeconds(5));
    private static final SwipeAtDoor REPEAT =
            new SwipeAtDoor("evt-1", "door-1", "bldg-1", "card-2", Direction.IN, NOW.minusSeconds(5));

    private final InMemoryAlarmLedger ledger = new InMemoryAlarmLedger();
    private final List<Alarm> published = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void storesAndPublishesOneAlarmNamingTheRepeat() {
        new EventIdReuseAlarms(ledger, published::add, clock).report(FIRST, REPEAT);

        assertThat(published).singleElement().satisfies(alarm -> {
            assertThat(alarm.type()).isEqualTo(AlarmType.EVENT_ID_REUSED);
            assertThat(alarm.eventId()).isEqualTo("evt-1");
            assertThat(alarm.doorId()).isEqualTo("door-1");
            assertThat(alarm.buildingId()).isEqualTo("bldg-1");
            assertThat(alarm.cardNumber()).isEqualTo("card-2");
            assertThat(alarm.raisedAt()).isEqualTo(NOW);
        });
        assertThat(ledger.marked).containsOnlyKeys(published.getFirst().alarmId());
    }

    @Test
    void namesTheSameRepeatWithTheSameAlarmIdAndAnotherRepeatWithAnother() {
        var alarms = new EventIdReuseAlarms(ledger, published::add, clock);
        alarms.report(FIRST, REPEAT);
        alarms.report(FIRST, REPEAT);
        alarms.report(
                FIRST, new SwipeAtDoor("evt-1", "door-1", "bldg-1", "card-1", Direction.OUT, NOW.minusSeconds(5)));

        var ids = published.stream().map(Alarm::alarmId).toList();
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
        assertThat(ledger.marked).hasSize(2);
    }

    @Test
    void storesTheAlarmEvenWhenTheTopicRefusesIt() {
        var alarms = new EventIdReuseAlarms(
                ledger,
                alarm -> {
                    throw new IllegalStateException("topic down");
                },
                clock);

        assertThatThrownBy(() -> alarms.report(FIRST, REPEAT)).hasMessage("topic down");
        assertThat(ledger.marked).hasSize(1);
    }
}
