package io.badgeflow.model.access;

import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceKey;
import io.badgeflow.model.presence.PresenceLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The test facts' presence as a ledger, whose recall can be made stale as a process's memory can be. */
final class FactsLedger implements PresenceLedger {

    private final InMemoryAccessFacts facts;
    Presence recalled;
    boolean alwaysMoved;
    int writes;
    final List<List<PresenceKey>> prefetched = new ArrayList<>();
    /** The next replaceAll writes nothing, as a transaction cancelled by one moved version. */
    boolean refuseNextBatch;

    FactsLedger(InMemoryAccessFacts facts) {
        this.facts = facts;
    }

    @Override
    public Optional<Presence> find(String employeeId, String buildingId) {
        var stored = facts.presenceOf(employeeId, buildingId);
        return stored.version() == 0 ? Optional.empty() : Optional.of(stored);
    }

    @Override
    public Optional<Presence> recall(String employeeId, String buildingId) {
        return recalled != null ? Optional.of(recalled) : find(employeeId, buildingId);
    }

    @Override
    public void prefetch(Collection<PresenceKey> keys) {
        prefetched.add(List.copyOf(keys));
    }

    @Override
    public List<Replacement> replaceAll(List<Replacement> replacements) {
        if (refuseNextBatch) {
            refuseNextBatch = false;
            return replacements;
        }
        return PresenceLedger.super.replaceAll(replacements);
    }

    @Override
    public boolean replace(Presence read, Presence next) {
        writes++;
        recalled = null;
        return !alwaysMoved && facts.writePresence(read, next);
    }

    @Override
    public List<Presence> inside(String buildingId) {
        throw new UnsupportedOperationException("not a test of listings");
    }

    @Override
    public long occupancy(String buildingId) {
        throw new UnsupportedOperationException("not a test of listings");
    }
}
