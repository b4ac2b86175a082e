package io.badgeflow.accessstream.replay;

import io.badgeflow.accessstream.stream.DoorEventHandler;
import io.badgeflow.model.archive.EventArchive;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Replays the archived door events of a time range through the consumer's own logic ({@link DoorEventHandler}),
 * in archive order, one at a time. Because that logic is idempotent, replaying what was applied changes nothing
 * (the swipes table keeps the first record of an event, presence ignores a passage it records or an older one,
 * and whatever reacts only to a first record stays quiet), while events a store lost are recorded again. Runs
 * beside a live consumer safely for the same reasons.
 */
@Component
public class ArchiveReplay {

    private final EventArchive archive;
    private final DoorEventHandler handler;

    ArchiveReplay(EventArchive archive, DoorEventHandler handler) {
        this.archive = archive;
        this.handler = handler;
    }

    /**
     * Replays the events that occurred in [{@code from}, {@code to}); {@code progress} hears after every object.
     * A store failure ends the replay with the exception; running it again is safe.
     */
    public ReplaySummary replay(Instant from, Instant to, Consumer<ReplaySummary> progress) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got [" + from + ", " + to + ")");
        }
        var summary = new ReplaySummary[] {new ReplaySummary(from, to, 0, 0, 0, 0)};
        archive.read(from, to, object -> {
            // One object's audit rows in a few batched calls; an event id twice in it is first at most once.
            var first = handler.record(object.events());
            for (var event : object.events()) {
                var recorded = first.remove(event.eventId());
                handler.apply(event, recorded);
                summary[0] = summary[0].plusEvent(recorded);
            }
            summary[0] = summary[0].plusObject();
            progress.accept(summary[0]);
        });
        return summary[0];
    }
}
