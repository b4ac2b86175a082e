package io.badgeflow.model.access;

import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.presence.Presence;
import java.util.ArrayList;
import java.util.List;

/**
 * The test facts' decision log: a passage is written through the facts' ledger, and whatever a write carries
 * goes on {@link #stream} in the order written, as the store's change capture would put it there.
 */
final class FactsDecisionLog implements DecisionLog {

    private final FactsLedger ledger;
    final List<DoorEvent> stream = new ArrayList<>();
    /** Writes of decisions that moved no presence. */
    int recorded;

    FactsDecisionLog(FactsLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean commitPassage(Presence read, Presence next, DoorEvent decided) {
        if (!ledger.replace(read, next)) {
            return false;
        }
        stream.add(decided);
        return true;
    }

    @Override
    public void record(DoorEvent decided) {
        recorded++;
        stream.add(decided);
    }
}
