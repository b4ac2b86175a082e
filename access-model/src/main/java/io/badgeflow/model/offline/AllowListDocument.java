package io.badgeflow.model.offline;

import io.badgeflow.model.door.DoorCapability;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An allow-list as a door receives it: the whole list ({@link Kind#FULL}), or the changes from the version the
 * door holds ({@link Kind#DELTA}, {@code since} that version). Every field a door needs to decide is in every
 * document, so a delta also carries the place (time zone, capability). The service signs the exact bytes of its
 * JSON form (docs/contracts.md); a door applies only a document it has verified.
 *
 * @param antiPassback always {@code NOT_APPLIED_OFFLINE}: a door alone does not know who is inside
 * @param entries all entries (FULL) or those added or changed (DELTA)
 * @param removed card keys to drop (DELTA; empty in a FULL document)
 */
public record AllowListDocument(
        String format,
        Kind kind,
        String doorId,
        String buildingId,
        String timeZone,
        DoorCapability capability,
        long version,
        Long since,
        Instant issuedAt,
        String policyVersion,
        String antiPassback,
        List<AllowListEntry> entries,
        List<String> removed) {

    public static final String FORMAT = "badgeflow.allow-list/1";
    public static final String ANTI_PASSBACK_OFFLINE = "NOT_APPLIED_OFFLINE";

    /** A whole list, or the changes since a version. */
    public enum Kind {
        FULL,
        DELTA
    }

    public AllowListDocument {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not an allow-list of format " + FORMAT + ": " + format);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(doorId, "doorId");
        if (kind == Kind.DELTA && (since == null || since > version)) {
            throw new IllegalArgumentException("a delta names the version it starts from, at most its own");
        }
        entries = List.copyOf(entries == null ? List.of() : entries);
        removed = List.copyOf(removed == null ? List.of() : removed);
        if (kind == Kind.FULL && !removed.isEmpty()) {
            throw new IllegalArgumentException("a full list removes nothing");
        }
    }

    public static AllowListDocument full(AllowList list) {
        return of(Kind.FULL, list, null, list.entries(), List.of());
    }

    /** The changes from {@code older} to {@code newer} (both of one door). */
    public static AllowListDocument delta(AllowList older, AllowList newer) {
        var changes = newer.changesSince(older);
        return of(Kind.DELTA, newer, older.version(), changes.upserts(), changes.removed());
    }

    private static AllowListDocument of(
            Kind kind, AllowList list, Long since, List<AllowListEntry> entries, List<String> removed) {
        return new AllowListDocument(
                FORMAT,
                kind,
                list.doorId(),
                list.buildingId(),
                list.timeZone().getId(),
                list.capability(),
                list.version(),
                since,
                list.issuedAt(),
                list.policyVersion(),
                ANTI_PASSBACK_OFFLINE,
                entries,
                removed);
    }

    /**
     * The list a door holds after this document: a full list replaces {@code held} (null if none) when it is
     * newer; a delta applies only to the version it names.
     *
     * @throws IllegalArgumentException for another door, an older version, or a delta from another version
     */
    public AllowList applyTo(String myDoorId, AllowList held) {
        if (!doorId.equals(myDoorId)) {
            throw new IllegalArgumentException("the list is door " + doorId + "'s, not " + myDoorId + "'s");
        }
        if (held != null && version < held.version()) {
            throw new IllegalArgumentException("version " + version + " is older than the held " + held.version());
        }
        var zone = ZoneId.of(timeZone);
        if (kind == Kind.FULL) {
            return new AllowList(doorId, buildingId, zone, capability, version, issuedAt, policyVersion, entries);
        }
        if (held == null || held.version() != since) {
            throw new IllegalArgumentException("a delta since " + since + " does not apply to the held list");
        }
        var merged = held.entriesWith(new AllowListChanges(entries, removed));
        return new AllowList(doorId, buildingId, zone, capability, version, issuedAt, policyVersion, merged);
    }
}
