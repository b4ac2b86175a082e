package io.badgeflow.model.backoffice;

import io.badgeflow.model.building.Building;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buildings read once for many groups of commands (the rows of one import): rows name the same few buildings
 * thousands of times, and a grant needs only to know that its building exists. Buildings are never deleted,
 * so a building seen once stays true for the run; one not found is asked again.
 */
public final class BuildingCache {

    private final Map<String, Building> known = new ConcurrentHashMap<>();

    Optional<Building> building(String buildingId, BackOfficeStore store) {
        var cached = known.get(buildingId);
        if (cached != null) {
            return Optional.of(cached);
        }
        var read = store.building(buildingId);
        read.ifPresent(building -> known.put(buildingId, building));
        return read;
    }
}
