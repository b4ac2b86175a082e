package io.badgeflow.model.command;

import java.time.Instant;
import java.util.List;

/** Port: the back office's finished commands as a feed, for whoever keeps a copy of what they change. */
public interface CommandFeed {

    /** Commands finished at or after {@code since}, oldest first; APPLIED and REJECTED alike. */
    List<CommandRecord> finishedSince(Instant since);
}
