package io.badgeflow.accessstream;

import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Presence in a map, written on the version condition the table applies. */
public final class InMemoryPresence implements PresenceLedger {

    private final Map<String, Presence> stored = new HashMap<>();
    /** Every presence written, in the order written. */
    public final List<Presence> writes = new ArrayList<>();

    @Override
    public synchronized Optional<Presence> find(String employeeId, String buildingId) {
        return Optional.ofNullable(stored.get(employeeId + "/" + buildingId));
    }

    @Override
    public synchronized boolean replace(Presence read, Presence next) {
        var key = next.employeeId() + "/" + next.buildingId();
        var current = stored.get(key);
        if ((current == null ? 0 : current.version()) != read.version()) {
            return false;
        }
        stored.put(key, next);
        writes.add(next);
        return true;
    }

    @Override
    public synchronized List<Presence> inside(String buildingId) {
        return stored.values().stream()
                .filter(p -> p.inside() && p.buildingId().equals(buildingId))
                .toList();
    }

    @Override
    public synchronized long occupancy(String buildingId) {
        return inside(buildingId).size();
    }
}
