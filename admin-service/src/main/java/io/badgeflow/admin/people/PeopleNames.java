package io.badgeflow.admin.people;

import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.employee.Employee;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The names behind the people ids of one page of answers: employees read from the directory in one batch
 * (BatchGetItem, never one read per row), back-office users (who granted, issued or submitted) from the
 * {@link StaffDirectory}, one lookup per distinct user and cached there. Records keep ids only, so a renamed
 * person shows under the new name everywhere.
 */
@Component
public class PeopleNames {

    private final BackOfficeDirectory directory;
    private final StaffDirectory staff;

    public PeopleNames(BackOfficeDirectory directory, StaffDirectory staff) {
        this.directory = directory;
        this.staff = staff;
    }

    public Known of(Collection<String> employeeIds, Collection<String> staffSubjects) {
        var employees = new LinkedHashMap<String, Employee>();
        var wanted = employeeIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            directory.employees(wanted).forEach(employee -> employees.put(employee.employeeId(), employee));
        }
        var subjects =
                staffSubjects.stream().filter(Objects::nonNull).distinct().toList();
        var staffNames = subjects.isEmpty() ? Map.<String, String>of() : staff.displayNames(subjects);
        return new Known(employees, staffNames == null ? Map.of() : staffNames);
    }

    /** What was found; an id that is not here has no name to show (the screen shows the id). */
    public record Known(Map<String, Employee> employees, Map<String, String> staff) {

        public static final Known NONE = new Known(Map.of(), Map.of());

        public Optional<Employee> employee(String employeeId) {
            return Optional.ofNullable(employeeId == null ? null : employees.get(employeeId));
        }

        public String employeeNumber(String employeeId) {
            return employee(employeeId).map(Employee::employeeNumber).orElse(null);
        }

        public String givenName(String employeeId) {
            return employee(employeeId).map(ErasedPeople::givenName).orElse(null);
        }

        public String familyName(String employeeId) {
            return employee(employeeId).map(ErasedPeople::familyName).orElse(null);
        }

        /** The user's name, or null when the subject names no user of the pool. */
        public String staffName(String subject) {
            return subject == null ? null : staff.get(subject);
        }
    }
}
