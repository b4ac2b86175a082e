package io.badgeflow.accessstream.decision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.model.access.DecisionLog;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceKey;
import io.badgeflow.model.presence.PresenceLedger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The presence ledger, remembering the last presence this process read or wrote per person and building (its
 * decisions' commits included, which go through the decision log underneath), so a grant costs one conditional
 * write and no read. What it remembers may be stale (another process, or the stream
 * consumer, wrote since): {@code EntryDecisions} never refuses on a recall, and a grant's write fails on the
 * moved version, so staleness costs a retry, never a wrong answer.
 */
final class RememberedPresence implements PresenceLedger, DecisionLog {

    private final PresenceLedger ledger;
    private final DecisionLog decisions;
    private final Cache<String, Presence> remembered;

    RememberedPresence(PresenceLedger ledger, DecisionLog decisions, AccessStreamProperties.Decisions settings) {
        this.ledger = ledger;
        this.decisions = decisions;
        this.remembered = Caffeine.newBuilder()
                .maximumSize(settings.maxRecords())
                .expireAfterWrite(settings.recordTtl())
                .build();
    }

    @Override
    public Optional<Presence> find(String employeeId, String buildingId) {
        var found = ledger.find(employeeId, buildingId);
        remembered.put(key(employeeId, buildingId), found.orElseGet(() -> Presence.unknown(employeeId, buildingId)));
        return found;
    }

    @Override
    public Optional<Presence> recall(String employeeId, String buildingId) {
        var known = remembered.getIfPresent(key(employeeId, buildingId));
        if (known != null) {
            return known.version() == 0 ? Optional.empty() : Optional.of(known);
        }
        return find(employeeId, buildingId);
    }

    @Override
    public List<Presence> findAll(Collection<PresenceKey> keys) {
        var found = ledger.findAll(keys);
        // A decision may have written meanwhile: what is remembered only moves to a newer version.
        var memory = remembered.asMap();
        found.forEach(presence -> memory.merge(
                key(presence.employeeId(), presence.buildingId()),
                presence,
                (known, read) -> read.version() >= known.version() ? read : known));
        keys.forEach(key -> memory.putIfAbsent(
                key(key.employeeId(), key.buildingId()), Presence.unknown(key.employeeId(), key.buildingId())));
        return found;
    }

    /** Reads, in one go, the presences of {@code keys} this process does not remember. */
    @Override
    public void prefetch(Collection<PresenceKey> keys) {
        var lacking = keys.stream()
                .filter(key -> remembered.getIfPresent(key(key.employeeId(), key.buildingId())) == null)
                .toList();
        if (!lacking.isEmpty()) {
            findAll(lacking);
        }
    }

    @Override
    public boolean replace(Presence read, Presence next) {
        var key = key(next.employeeId(), next.buildingId());
        if (ledger.replace(read, next)) {
            remembered.put(key, next);
            return true;
        }
        remembered.invalidate(key);
        return false;
    }

    @Override
    public boolean commitPassage(Presence read, Presence next, DoorEvent decided) {
        var key = key(next.employeeId(), next.buildingId());
        if (decisions.commitPassage(read, next, decided)) {
            remembered.put(key, next);
            return true;
        }
        remembered.invalidate(key);
        return false;
    }

    @Override
    public void record(DoorEvent decided) {
        decisions.record(decided);
    }

    @Override
    public List<Replacement> replaceAll(List<Replacement> replacements) {
        var unwritten = ledger.replaceAll(replacements);
        var moved = Set.copyOf(unwritten);
        for (var replacement : replacements) {
            var key = key(replacement.next().employeeId(), replacement.next().buildingId());
            if (moved.contains(replacement)) {
                remembered.invalidate(key);
            } else {
                remembered.put(key, replacement.next());
            }
        }
        return unwritten;
    }

    @Override
    public List<Presence> inside(String buildingId) {
        return ledger.inside(buildingId);
    }

    @Override
    public long occupancy(String buildingId) {
        return ledger.occupancy(buildingId);
    }

    private static String key(String employeeId, String buildingId) {
        return employeeId + "\u0000" + buildingId;
    }
}
