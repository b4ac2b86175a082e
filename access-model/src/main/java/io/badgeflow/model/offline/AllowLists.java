package io.badgeflow.model.offline;

import io.badgeflow.model.access.Candidate;
import io.badgeflow.model.access.EntryPolicy;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.door.Door;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Makes a door's allow-list from the back office's candidates by the entry rules themselves
 * ({@link EntryPolicy#mayEnterThroughFrom}), so the list holds exactly those whose swipe some moment could grant;
 * the windows that decide which moment travel with each entry, for the door to judge as {@link EntryPolicy} does.
 */
public final class AllowLists {

    private AllowLists() {}

    /** The entries of {@code door}'s list at {@code at}: candidates the rules may let in from then on. */
    public static List<AllowListEntry> entries(
            EntryPolicy policy, Door door, Building building, Instant at, Collection<Candidate> candidates) {
        var entries = new ArrayList<AllowListEntry>();
        for (var candidate : candidates) {
            if (candidate.card() == null
                    || !policy.mayEnterThroughFrom(candidate, door.doorId(), at).granted()) {
                continue;
            }
            candidate.grants().stream()
                    .filter(grant -> grant.buildingId().equals(building.buildingId()))
                    .findFirst()
                    .ifPresent(grant -> entries.add(AllowListEntry.of(door.doorId(), candidate.card(), grant)));
        }
        return entries;
    }

    /** The list of {@code door} with {@code entries}, as {@code version} issued at {@code issuedAt}. */
    public static AllowList of(
            Door door, Building building, List<AllowListEntry> entries, long version, Instant issuedAt) {
        return new AllowList(
                door.doorId(),
                building.buildingId(),
                building.timeZone(),
                door.capability(),
                version,
                issuedAt,
                EntryPolicy.VERSION,
                entries);
    }
}
