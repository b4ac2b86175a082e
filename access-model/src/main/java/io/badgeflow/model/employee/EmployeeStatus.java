package io.badgeflow.model.employee;

/**
 * An employee's standing: only ACTIVE employees' cards open doors. OFFBOARDED and ERASED are terminal; an
 * ERASED employee is an offboarded one whose name, email and department were erased (retention or an admin's
 * erasure request): only ids, the employee number and the card history remain.
 */
public enum EmployeeStatus {
    ACTIVE,
    INACTIVE,
    OFFBOARDED,
    ERASED
}
