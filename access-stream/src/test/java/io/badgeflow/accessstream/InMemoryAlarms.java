package io.badgeflow.accessstream;

import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmLedger;
import io.badgeflow.model.alarm.AlarmPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The alarm ledger and the topic in memory: what was published, in order, and what was marked (thread-safe). */
public final class InMemoryAlarms implements AlarmLedger, AlarmPublisher {

    public final List<Alarm> published = new ArrayList<>();
    public int failuresToThrow;
    private final Set<String> marked = new HashSet<>();
    private final Map<String, Set<String>> denials = new HashMap<>();

    @Override
    public synchronized void publish(Alarm alarm) {
        if (failuresToThrow > 0) {
            failuresToThrow--;
            throw new IllegalStateException("topic unavailable");
        }
        published.add(alarm);
    }

    @Override
    public synchronized boolean published(String alarmId) {
        return marked.contains(alarmId);
    }

    @Override
    public synchronized void markPublished(Alarm alarm) {
        marked.add(alarm.alarmId());
    }

    @Override
    public synchronized int countDenial(String doorId, Instant bucketStart, String eventId, int atLeast) {
        var ids = denials.computeIfAbsent(doorId + "#" + bucketStart, key -> new HashSet<>());
        ids.add(eventId);
        return Math.min(ids.size(), atLeast);
    }
}
