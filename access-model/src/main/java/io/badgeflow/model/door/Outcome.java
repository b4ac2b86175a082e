package io.badgeflow.model.door;

/** The answer a door gets: open or stay shut. */
public enum Outcome {
    GRANTED,
    DENIED
}
