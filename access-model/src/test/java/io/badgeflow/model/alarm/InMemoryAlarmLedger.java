package io.badgeflow.model.alarm;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The ledger's semantics in memory: marks by alarm id, denial counts as sets of event ids per door and bucket. */
final class InMemoryAlarmLedger implements AlarmLedger {

    final Map<String, Alarm> marked = new HashMap<>();
    final Map<String, Set<String>> denials = new HashMap<>();

    @Override
    public boolean published(String alarmId) {
        return marked.containsKey(alarmId);
    }

    @Override
    public void markPublished(Alarm alarm) {
        marked.putIfAbsent(alarm.alarmId(), alarm);
    }

    @Override
    public int countDenial(String doorId, Instant bucketStart, String eventId, int atLeast) {
        var ids = denials.computeIfAbsent(doorId + "#" + bucketStart, key -> new LinkedHashSet<>());
        if (ids.size() < atLeast) {
            ids.add(eventId);
        }
        return Math.min(ids.contains(eventId) ? ids.size() : atLeast, atLeast);
    }
}
