package io.badgeflow.model.command;

import java.util.Optional;

/** Port: the finished commands, by id. */
public interface CommandLog {

    Optional<CommandRecord> find(String commandId);

    /** Stores the record; recording the same finished command twice keeps the first. */
    void record(CommandRecord record);
}
