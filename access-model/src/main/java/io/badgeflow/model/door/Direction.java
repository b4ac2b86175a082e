package io.badgeflow.model.door;

import io.badgeflow.model.InvalidFieldException;

/** Which way a person passes a reader. */
public enum Direction {
    IN,
    OUT;

    /** The direction named exactly (no case folding, no trimming), as a device's {@code direction} field. */
    public static Direction named(String name) {
        if (name == null) {
            throw new InvalidFieldException("direction", "is required");
        }
        for (var direction : values()) {
            if (direction.name().equals(name)) {
                return direction;
            }
        }
        throw new InvalidFieldException("direction", "must be one of IN, OUT");
    }
}
