package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.presence.AntiPassback;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BuildingItemTests {

    private static final Instant SET_AT = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void keepsEveryAntiPassbackModeThroughTheTableSchema() {
        for (var setting :
                new AntiPassback[] {AntiPassback.hard(), AntiPassback.soft(), AntiPassback.timed(15), AntiPassback.off()
                }) {
            var building = new Building("HQ", "Head office", ZoneId.of("Europe/London"), setting, SET_AT, 3);

            assertThat(throughTheSchema(building)).isEqualTo(building);
        }
    }

    @Test
    void storesTheModeAsTextAndMinutesOnlyForTimed() {
        var timed = BuildingItem.SCHEMA.itemToMap(
                BuildingItem.from(
                        new Building("HQ", "Head office", ZoneId.of("UTC"), AntiPassback.timed(90), SET_AT, 2)),
                true);
        var soft = BuildingItem.SCHEMA.itemToMap(
                BuildingItem.from(new Building("HQ", "Head office", ZoneId.of("UTC"), AntiPassback.soft(), SET_AT, 2)),
                true);

        assertThat(timed)
                .containsEntry("antiPassbackMode", AttributeValue.fromS("TIMED"))
                .containsEntry("antiPassbackMinutes", AttributeValue.fromN("90"))
                .containsEntry("antiPassbackSetAt", AttributeValue.fromS("2026-11-24T08:00:00Z"));
        assertThat(soft)
                .containsEntry("antiPassbackMode", AttributeValue.fromS("SOFT"))
                .doesNotContainKey("antiPassbackMinutes");
    }

    @Test
    void readsARowWrittenBeforeAntiPassbackAsHardNeverSet() {
        var old = Map.of(
                "buildingId",
                AttributeValue.fromS("HQ"),
                "name",
                AttributeValue.fromS("Head office"),
                "timeZone",
                AttributeValue.fromS("Europe/London"),
                "version",
                AttributeValue.fromN("4"));

        var building = BuildingItem.SCHEMA.mapToItem(old).toBuilding();

        assertThat(building.antiPassback()).isEqualTo(AntiPassback.hard());
        assertThat(building.antiPassbackSetAt()).isNull();
        assertThat(building).isEqualTo(new Building("HQ", "Head office", ZoneId.of("Europe/London"), 4));
    }

    private static Building throughTheSchema(Building building) {
        return BuildingItem.SCHEMA
                .mapToItem(BuildingItem.SCHEMA.itemToMap(BuildingItem.from(building), true))
                .toBuilding();
    }
}
