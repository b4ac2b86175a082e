package io.badgeflow.model.access;

/** The answer a door gets: open or stay shut. */
public enum Outcome {
    GRANTED,
    DENIED
}
