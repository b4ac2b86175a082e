package io.badgeflow.admin.reception;

import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One visitor or contractor as reception sees them: who, whose visitor (the host's name joined here, never taken
 * from an event), their days, their badge and buildings, and whether they are inside the desk's building now.
 *
 * @param hostName the host's full name, null when there is no host or the host record is gone
 * @param since when they entered, while inside; null otherwise
 */
record ReceptionEntry(
        String employeeId,
        Affiliation.Kind kind,
        String givenName,
        String familyName,
        String company,
        String hostEmployeeId,
        String hostName,
        LocalDate validFrom,
        LocalDate validUntil,
        EmployeeStatus status,
        String cardId,
        String cardNumber,
        List<String> buildingIds,
        boolean inside,
        Instant since) {

    static ReceptionEntry of(
            Employee person, Employee host, String cardNumber, List<String> buildingIds, Instant insideSince) {
        var affiliation = person.affiliation();
        return new ReceptionEntry(
                person.employeeId(),
                affiliation.kind(),
                person.givenName(),
                person.familyName(),
                affiliation.company(),
                affiliation.hostEmployeeId(),
                host == null ? null : host.fullName(),
                affiliation.validFrom(),
                affiliation.validUntil(),
                person.status(),
                person.currentCardId(),
                cardNumber,
                buildingIds,
                insideSince != null,
                insideSince);
    }
}
