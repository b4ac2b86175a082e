package io.badgeflow.model.command;

import java.util.Optional;

/** Port: the finished commands, by id. Records are written with the command's changes, by the back-office store. */
public interface CommandLog {

    Optional<CommandRecord> find(String commandId);
}
