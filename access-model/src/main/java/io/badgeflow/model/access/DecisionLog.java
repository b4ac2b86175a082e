package io.badgeflow.model.access;

import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.presence.Presence;

/**
 * Port: where a swipe's decision is committed, in one write, and from where the store itself carries it to the
 * door-event stream (docs/decisions/0015). So the deciding process never waits for the stream, and a decision
 * whose write succeeded reaches the stream even if that process dies before answering.
 */
public interface DecisionLog {

    /**
     * A passage: stores {@code next} if the stored presence is still {@code read} (by version, as
     * {@link io.badgeflow.model.presence.PresenceLedger#replace}), and with it the event that decided it.
     *
     * @return false when someone else wrote first: nothing was written and nothing goes on the stream
     */
    boolean commitPassage(Presence read, Presence next, DoorEvent decided);

    /**
     * A decision that moves no presence (a refusal, a passage older than the one stored). Writing one event id
     * twice may put it on the stream twice; the stream's consumers keep its first record.
     */
    void record(DoorEvent decided);
}
