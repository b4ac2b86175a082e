package io.badgeflow.model.command;

/** Why a command was refused for good. Codes are part of the API contract: add, never rename. */
public enum RejectionReason {
    MALFORMED_COMMAND,
    UNKNOWN_COMMAND,
    INVALID_FIELD,
    EMPLOYEE_ALREADY_EXISTS
}
