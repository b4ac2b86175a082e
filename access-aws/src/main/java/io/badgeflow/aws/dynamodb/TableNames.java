package io.badgeflow.aws.dynamodb;

import java.util.Objects;

/** The physical table names, read from the stacks' outputs (the emulator may not honour a name property). */
public record TableNames(String employees, String commands, String doors, String swipes) {

    public TableNames {
        Objects.requireNonNull(employees, "employees");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(doors, "doors");
        Objects.requireNonNull(swipes, "swipes");
    }
}
