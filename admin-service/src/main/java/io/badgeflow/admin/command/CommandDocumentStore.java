package io.badgeflow.admin.command;

import io.badgeflow.model.command.Command;

/** Port: where accepted commands are written for card-events to apply. */
public interface CommandDocumentStore {

    /** Stores the command's document; once this returns, the command will be applied or rejected. */
    void write(Command command);

    /** Whether a document exists for the id: accepted, so at least PENDING. */
    boolean exists(String commandId);
}
