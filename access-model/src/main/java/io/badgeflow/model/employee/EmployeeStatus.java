package io.badgeflow.model.employee;

/** An employee's standing: only ACTIVE employees' cards open doors. */
public enum EmployeeStatus {
    ACTIVE,
    INACTIVE,
    OFFBOARDED
}
