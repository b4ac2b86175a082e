package io.badgeflow.admin.people;

import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names behind the ids of one page of answers, read from the back-office tables when the page is shown:
 * events and presence rows carry ids only, so a renamed person shows under their new name everywhere, and an
 * offboarded one's history still has a name. Employees are read in one batch; doors one by one (a page names few).
 */
public final class Names {

    private final Map<String, Employee> employees;
    private final Map<String, Door> doors;

    private Names(Map<String, Employee> employees, Map<String, Door> doors) {
        this.employees = employees;
        this.doors = doors;
    }

    public static Names join(
            BackOfficeDirectory directory, Collection<String> employeeIds, Collection<String> doorIds) {
        var employees = new LinkedHashMap<String, Employee>();
        var wanted = employeeIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            directory.employees(wanted).forEach(employee -> employees.put(employee.employeeId(), employee));
        }
        var doors = new LinkedHashMap<String, Door>();
        doorIds.stream()
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> directory.door(id).ifPresent(door -> doors.put(id, door)));
        return new Names(employees, doors);
    }

    public Optional<Employee> employee(String employeeId) {
        return Optional.ofNullable(employeeId == null ? null : employees.get(employeeId));
    }

    /** The door's name, or null for a door no longer (or never) registered. */
    public String doorName(String doorId) {
        var door = doorId == null ? null : doors.get(doorId);
        return door == null ? null : door.name();
    }
}
