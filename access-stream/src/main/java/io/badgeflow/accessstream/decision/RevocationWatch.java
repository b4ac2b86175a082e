package io.badgeflow.accessstream.decision;

import io.badgeflow.model.access.Decision;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Time-to-revoke ({@code badgeflow.revocation.time}): from the back office accepting a command that takes access
 * away to the first decision at a door that used the changed records. The command feed says which card or employee a
 * revoking command changed and when it was accepted; the first decision after that for the card or the employee
 * records the time, whatever it answered (a card revoked for one building still opens another: that decision used
 * the new state too). A card nobody presents again records nothing, so the figure is the revocation as doors saw it.
 * A decision that read the changed record from the store before the feed named the command (its memory of the card
 * had expired) used the new state earlier than timed here: the figure is an upper bound, which is what an alarm
 * wants.
 *
 * <p>No tags: the monitoring stack alarms on one series (its p99). Card and person ids are never dimensions and are
 * kept only until the first use; at most {@link #LIMIT} revocations wait for one, the oldest forgotten first.
 */
final class RevocationWatch {

    /** The commands that take access away. */
    static final Set<String> REVOKING = Set.of(
            "RevokeCard",
            "SuspendCard",
            "ReportCardLost",
            "UnlinkCard",
            "RevokeAccess",
            "DeactivateEmployee",
            "OffboardEmployee");

    static final int LIMIT = 10_000;

    private final Timer time;
    private final Clock clock;
    private final Map<String, Instant> waiting = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > LIMIT;
        }
    });

    RevocationWatch(MeterRegistry meters, Clock clock) {
        this.time = Timer.builder("badgeflow.revocation.time")
                .description("From a revoking command's acceptance to the first door decision that used it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.clock = clock;
    }

    /** The decision path now uses what {@code command} changed: wait for the first decision on its card or person. */
    void changed(CommandRecord command) {
        if (command.status() != CommandStatus.APPLIED
                || command.acceptedAt() == null
                || !REVOKING.contains(command.type())) {
            return;
        }
        var pending = command.acceptedAt();
        if (command.subjectId() != null) {
            waiting.put(command.subjectId(), pending);
        }
        if (command.employeeId() != null) {
            waiting.put(command.employeeId(), pending);
        }
    }

    /** A door decided: if it is the first use of a revocation's new state, record the time since its acceptance. */
    void decided(Decision decision) {
        if (waiting.isEmpty()) {
            return;
        }
        var byCard = decision.cardId() == null ? null : waiting.remove(decision.cardId());
        var byPerson = decision.employeeId() == null ? null : waiting.remove(decision.employeeId());
        var first = byCard != null ? byCard : byPerson;
        if (first == null) {
            return;
        }
        var elapsed = Duration.between(first, clock.instant());
        if (elapsed.isNegative()) {
            return; // the back office's clock ran ahead of this one
        }
        time.record(elapsed);
    }
}
