package io.badgeflow.admin.people;

import io.badgeflow.model.employee.Employee;

/**
 * How the views name a person whose personal data was erased: door history, audit pages and the muster list keep
 * their ids, and show {@value #LABEL} where the name was (in the family-name field of views that split the name),
 * so a page never shows a blank where a person was.
 */
public final class ErasedPeople {

    public static final String LABEL = "erased person";

    private ErasedPeople() {}

    public static String givenName(Employee employee) {
        return employee.isErased() ? null : employee.givenName();
    }

    public static String familyName(Employee employee) {
        return employee.isErased() ? LABEL : employee.familyName();
    }

    /** "Given Family", or {@value #LABEL}. */
    public static String fullName(Employee employee) {
        return employee.isErased() ? LABEL : employee.givenName() + " " + employee.familyName();
    }
}
