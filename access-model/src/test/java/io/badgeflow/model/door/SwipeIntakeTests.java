package io.badgeflow.model.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwipeIntakeTests {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    private final DeviceKey key = DeviceKey.generate();
    private final Door door = new Door("door-1", "bldg-1", DeviceKeyHash.of(key));
    private final DeviceKey otherKey = DeviceKey.generate();
    private final Door otherDoor = new Door("door-2", "bldg-1", DeviceKeyHash.of(otherKey));
    private final List<DoorEvent> published = new ArrayList<>();
    private final List<String> reads = new ArrayList<>();
    private final DoorRegistry doors = new DoorRegistry() {
        private final Map<String, Door> byId = Map.of(door.doorId(), door, otherDoor.doorId(), otherDoor);

        @Override
        public Optional<Door> find(String doorId) {
            reads.add(doorId);
            return Optional.ofNullable(byId.get(doorId));
        }

        @Override
        public Optional<Door> findByKey(DeviceKeyHash keyHash) {
            return byId.values().stream()
                    .filter(found -> found.keyHash().equals(keyHash))
                    .findFirst();
        }

        @Override
        public void register(Door door) {
            throw new UnsupportedOperationException();
        }
    };
    private final SwipeIntake intake = new SwipeIntake(doors, published::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void publishesASwipeFromAGenuineDoorWithItsBuilding() {
        var swipe = new Swipe("evt-1", "card-42", Direction.IN, NOW.minusSeconds(1));

        var event = intake.accept("door-1", key, swipe);

        assertThat(published).containsExactly(event);
        assertThat(event.buildingId()).isEqualTo("bldg-1");
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.partitionKey()).isEqualTo("card:card-42");
    }

    @Test
    void refusesAWrongKeyAndPublishesNothing() {
        var swipe = new Swipe("evt-1", "card-42", Direction.IN, NOW);

        assertThatThrownBy(() -> intake.accept("door-1", DeviceKey.generate(), swipe))
                .isInstanceOf(UnknownDeviceException.class);
        assertThat(published).isEmpty();
    }

    @Test
    void refusesAnUnknownDoorTheSameWayAsAWrongKey() {
        assertThatThrownBy(() -> intake.authenticate("door-404", DeviceKey.generate()))
                .isInstanceOf(UnknownDeviceException.class)
                .hasMessage("unknown door or wrong device key");
    }

    @Test
    void tellsTheKeyOfAnotherDoorApartFromAnUnknownKey() {
        assertThatThrownBy(() -> intake.authenticate("door-1", otherKey)).isInstanceOf(WrongDoorException.class);
    }

    @Test
    void refusesAValidKeyOnAnUnknownDoorExactlyAsAWrongKey() {
        assertThatThrownBy(() -> intake.authenticate("door-404", otherKey))
                .isInstanceOf(UnknownDeviceException.class)
                .hasMessage("unknown door or wrong device key");
    }

    @Test
    void readsAnUnknownDoorOnceWhateverKeyIsPresented() {
        assertThatThrownBy(() -> intake.authenticate("made-up", key)).isInstanceOf(UnknownDeviceException.class);

        assertThat(reads).containsExactly("made-up");
    }

    @Test
    void refusesAMissingKey() {
        assertThatThrownBy(() -> intake.authenticate("door-1", DeviceKey.presented("  ")))
                .isInstanceOf(UnknownDeviceException.class);
    }
}
