package io.badgeflow.model.command;

/** Where a command stands, as the caller who issued it sees it. */
public enum CommandStatus {
    /** The document is stored but no function has finished it yet. */
    PENDING,
    /** Its effect is in the tables. */
    APPLIED,
    /** It was refused for good, with a reason; retrying it changes nothing. */
    REJECTED
}
