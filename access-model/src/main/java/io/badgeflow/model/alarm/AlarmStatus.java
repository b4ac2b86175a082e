package io.badgeflow.model.alarm;

/** Where an alarm stands with the operators: raised, someone is on it, dealt with. Only ever moves forward. */
public enum AlarmStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
