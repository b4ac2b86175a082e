package io.badgeflow.model.command;

import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Test double for the port; the real one is DynamoDB, tested against the emulator. */
final class InMemoryEmployeeDirectory implements EmployeeDirectory {

    final Map<String, Employee> employees = new HashMap<>();

    @Override
    public Optional<Employee> find(String employeeId) {
        return Optional.ofNullable(employees.get(employeeId));
    }

    @Override
    public boolean registerIfAbsent(Employee employee) {
        return employees.putIfAbsent(employee.employeeId(), employee) == null;
    }
}
