package io.badgeflow.model.employee;

import java.util.Optional;

/** Port: the employees, by id. */
public interface EmployeeDirectory {

    Optional<Employee> find(String employeeId);

    /** Stores a new employee; false, and nothing written, when the id is taken. Atomic under concurrent writers. */
    boolean registerIfAbsent(Employee employee);
}
