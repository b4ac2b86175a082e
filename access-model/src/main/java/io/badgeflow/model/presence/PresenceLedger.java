package io.badgeflow.model.presence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: who is inside which building. Reads are strongly consistent; a write replaces exactly the version that
 * was read, so of two passages racing for one person and building one wins and the other is judged again.
 */
public interface PresenceLedger {

    /** Empty for someone never seen in the building. Strongly consistent. */
    Optional<Presence> find(String employeeId, String buildingId);

    /**
     * A read that may answer from what this process last saw, to spare a round trip; {@link #find} where there
     * is no such memory. Whatever it missed, the version condition of {@link #replace} catches.
     */
    default Optional<Presence> recall(String employeeId, String buildingId) {
        return find(employeeId, buildingId);
    }

    /** Strongly consistent reads of many presences at once; those never stored are left out. */
    default List<Presence> findAll(Collection<PresenceKey> keys) {
        return keys.stream()
                .flatMap(key -> find(key.employeeId(), key.buildingId()).stream())
                .toList();
    }

    /**
     * A hint that these presences are about to be recalled: a ledger that remembers reads those it lacks in one
     * go (see {@link #findAll}), so the recalls that follow cost no round trip each. By default nothing.
     */
    default void prefetch(Collection<PresenceKey> keys) {}

    /**
     * Stores {@code next} if the stored presence is still {@code read} (by version; version 0 means none stored).
     *
     * @return false when someone else wrote first: nothing was written
     */
    boolean replace(Presence read, Presence next);

    /**
     * {@link #replace} for many presences (each key at most once), in as few round trips as the store allows. A
     * store may write them in groups that succeed or fail as a whole, so one moved version can leave others of
     * its group unwritten as well.
     *
     * @return the replacements not written (their presence moved, or they shared a group with one that did)
     */
    default List<Replacement> replaceAll(List<Replacement> replacements) {
        return replacements.stream()
                .filter(replacement -> !replace(replacement.read(), replacement.next()))
                .toList();
    }

    /** The presence read, and the one to store in its place if it is still there. */
    record Replacement(Presence read, Presence next) {}

    /** Everyone inside {@code buildingId} now, in no particular order. */
    List<Presence> inside(String buildingId);

    /** How many are inside {@code buildingId} now. */
    long occupancy(String buildingId);
}
