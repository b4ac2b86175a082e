package io.badgeflow.aws.dynamodb;

import java.util.Objects;

/** The physical names of the back office's tables, read from the storage stack's outputs. */
public record BackOfficeTables(
        String employees, String cards, String buildings, String doors, String grants, String commands) {

    public BackOfficeTables {
        Objects.requireNonNull(employees, "employees");
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(buildings, "buildings");
        Objects.requireNonNull(doors, "doors");
        Objects.requireNonNull(grants, "grants");
        Objects.requireNonNull(commands, "commands");
    }
}
