package io.badgeflow.model.offline;

import io.badgeflow.model.door.DoorCapability;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cards one door may open for, now or later, as of one {@code version}: what the door decides from when the
 * decision API cannot answer. Entries are ordered by card key, so one content always has one form.
 *
 * @param timeZone the building's, in which grant dates and schedules are read
 * @param capability which ways the door's reader can be passed (an exit-only reader lists nobody)
 * @param version grows with every change of content; a door never goes back to a lower one
 * @param issuedAt when this version was made
 * @param policyVersion the entry rules' version ({@code EntryPolicy.VERSION}) that chose the entries
 */
public record AllowList(
        String doorId,
        String buildingId,
        ZoneId timeZone,
        DoorCapability capability,
        long version,
        Instant issuedAt,
        String policyVersion,
        List<AllowListEntry> entries) {

    public AllowList {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        var sorted = new ArrayList<>(entries == null ? List.<AllowListEntry>of() : entries);
        sorted.sort(Comparator.comparing(AllowListEntry::cardKey));
        for (var i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).cardKey().equals(sorted.get(i - 1).cardKey())) {
                throw new IllegalArgumentException("card key " + sorted.get(i).cardKey() + " is listed twice");
            }
        }
        entries = List.copyOf(sorted);
    }

    /** The entry for a presented card number, if the door may open for it at some time. */
    public Optional<AllowListEntry> entryFor(String cardNumber) {
        var key = AllowListEntry.cardKey(doorId, cardNumber);
        return entries.stream().filter(entry -> entry.cardKey().equals(key)).findFirst();
    }

    /** Whether {@code other} lists the same door, place and entries (whatever its version). */
    public boolean sameContentAs(AllowList other) {
        return other != null
                && doorId.equals(other.doorId)
                && buildingId.equals(other.buildingId)
                && timeZone.equals(other.timeZone)
                && capability == other.capability
                && policyVersion.equals(other.policyVersion)
                && entries.equals(other.entries);
    }

    /** This list's content as a next version. */
    public AllowList asVersion(long next, Instant at) {
        return new AllowList(doorId, buildingId, timeZone, capability, next, at, policyVersion, entries);
    }

    /** What changed from {@code older} to this list: entries added or changed, and card keys removed. */
    public AllowListChanges changesSince(AllowList older) {
        var before = byKey(older.entries);
        var upserts = new ArrayList<AllowListEntry>();
        for (var entry : entries) {
            if (!entry.equals(before.remove(entry.cardKey()))) {
                upserts.add(entry);
            }
        }
        return new AllowListChanges(upserts, List.copyOf(before.keySet()));
    }

    /** This list's entries with {@code changes} applied. */
    public List<AllowListEntry> entriesWith(AllowListChanges changes) {
        var after = byKey(entries);
        changes.removed().forEach(after::remove);
        changes.upserts().forEach(entry -> after.put(entry.cardKey(), entry));
        return List.copyOf(after.values());
    }

    private static Map<String, AllowListEntry> byKey(List<AllowListEntry> entries) {
        var map = new LinkedHashMap<String, AllowListEntry>();
        entries.forEach(entry -> map.put(entry.cardKey(), entry));
        return map;
    }
}
