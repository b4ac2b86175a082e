package io.badgeflow.model.door;

/** Which way a person passes a reader. */
public enum Direction {
    IN,
    OUT
}
