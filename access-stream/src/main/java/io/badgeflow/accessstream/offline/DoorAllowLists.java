package io.badgeflow.accessstream.offline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.accessstream.decision.BackOfficeChanges;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.access.Candidate;
import io.badgeflow.model.access.EntryPolicy;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.offline.AllowList;
import io.badgeflow.model.offline.AllowListDocument;
import io.badgeflow.model.offline.AllowLists;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each door's allow-list, its versions and their signed documents. A list is made again (from the decision path's
 * remembered place and the back office's grants) when the command feed reported a change since it was made, for a
 * moment after each change ({@link OfflineProperties#settle}), and at least every
 * {@link OfflineProperties#recomputeAfter}; a new version is numbered only when the content changed. The version is
 * this service's clock in milliseconds when the content was made, and above the previous one: it grows across
 * restarts without any stored counter. A door asking for changes since a version kept here gets a delta; since one
 * not kept (too old, or made by another process), the full list. Each document is signed once and served from
 * memory until the next version, so signing costs one key-service call per door and version, not per request.
 */
final class DoorAllowLists {

    private final AccessFacts place;
    private final BuildingCandidates candidates;
    private final BackOfficeChanges changes;
    private final AllowListSigner signer;
    private final Clock clock;
    private final OfflineProperties settings;
    private final Cache<String, DoorLists> doors;
    private final Cache<String, Made<List<Candidate>>> buildings;

    DoorAllowLists(
            AccessFacts place,
            BuildingCandidates candidates,
            BackOfficeChanges changes,
            AllowListSigner signer,
            Clock clock,
            OfflineProperties settings) {
        this.place = place;
        this.candidates = candidates;
        this.changes = changes;
        this.signer = signer;
        this.clock = clock;
        this.settings = settings;
        this.doors = Caffeine.newBuilder().maximumSize(settings.maxDoors()).build();
        this.buildings = Caffeine.newBuilder().maximumSize(settings.maxDoors()).build();
    }

    /** The door's list as a signed document: the changes since {@code since} when that version is known, else all. */
    SignedAllowList fetch(Door door, Long since) {
        var lists = doors.get(door.doorId(), id -> new DoorLists());
        synchronized (lists) {
            lists.refresh(door);
            return lists.signed(since);
        }
    }

    /** The door's current version, made if need be (for tests and the live page). */
    long currentVersion(Door door) {
        return fetch(door, null).version();
    }

    private boolean fresh(Made<?> made, Instant now) {
        return made != null
                && made.generation == changes.generation()
                && made.at.isAfter(changes.lastChangeAt().plus(settings.settle()))
                && made.at.plus(settings.recomputeAfter()).isAfter(now);
    }

    private List<Candidate> candidatesOf(String buildingId, Instant now) {
        var made = buildings.getIfPresent(buildingId);
        if (fresh(made, now)) {
            return made.value;
        }
        // The count is read before the reads, so a change during them makes the result stale at once.
        var generation = changes.generation();
        var found = candidates.of(buildingId);
        buildings.put(buildingId, new Made<>(found, generation, now));
        return found;
    }

    /** A value made at one count of changes, at one moment. */
    private record Made<T>(T value, long generation, Instant at) {}

    /** One door's current list, its earlier versions, and the documents signed for the current version. */
    private final class DoorLists {

        private Made<AllowList> current;
        private final Deque<AllowList> earlier = new ArrayDeque<>();
        private final Map<Long, SignedAllowList> signed = new HashMap<>();

        void refresh(Door authenticated) {
            var now = clock.instant();
            if (fresh(current, now)) {
                return;
            }
            var generation = changes.generation();
            var door = place.door(authenticated.doorId()).orElse(authenticated);
            var building = place.building(door.buildingId())
                    .orElseThrow(() -> new IllegalStateException(
                            "door " + door.doorId() + " names building " + door.buildingId() + ", which is unknown"));
            var entries = AllowLists.entries(
                    new EntryPolicy(place, clock), door, building, now, candidatesOf(building.buildingId(), now));
            var previous = current == null ? null : current.value;
            var version = previous == null
                    ? Math.max(1, now.toEpochMilli())
                    : Math.max(previous.version() + 1, now.toEpochMilli());
            var made = AllowLists.of(door, building, entries, version, now);
            if (previous != null && made.sameContentAs(previous)) {
                current = new Made<>(previous, generation, now);
                return;
            }
            if (previous != null) {
                earlier.addFirst(previous);
                while (earlier.size() > settings.history()) {
                    earlier.removeLast();
                }
            }
            current = new Made<>(made, generation, now);
            signed.clear();
        }

        SignedAllowList signed(Long since) {
            var list = current.value;
            var from = since == null
                    ? null
                    : since == list.version()
                            ? list
                            : earlier.stream()
                                    .filter(older -> older.version() == since)
                                    .findFirst()
                                    .orElse(null);
            var key = from == null ? -1L : from.version();
            return signed.computeIfAbsent(key, ignored -> {
                var document = from == null ? AllowListDocument.full(list) : AllowListDocument.delta(from, list);
                var body = AllowListJson.write(document);
                return new SignedAllowList(document.kind(), list.version(), body, signer.sign(body));
            });
        }
    }
}
