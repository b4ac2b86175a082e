package io.badgeflow.admin.presence;

import io.badgeflow.admin.people.ErasedPeople;
import io.badgeflow.admin.people.Names;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceLedger;
import io.badgeflow.model.text.NaturalOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is inside a building now, for the people who run it: the count (occupancy) and, in an emergency, the
 * muster list of names. Both read the presence table's sparse {@code insideByBuilding} index, which the stream
 * consumer keeps; names are joined here from the employees table, never taken from events.
 */
@RestController
class PresenceController {

    /** Family name, given name, then employee number, each in natural order (Person 2 before Person 10). */
    private static final Comparator<MusterEntry> BY_NAME = Comparator.comparing(
                    MusterEntry::familyName, NaturalOrder.INSTANCE)
            .thenComparing(MusterEntry::givenName, NaturalOrder.INSTANCE)
            .thenComparing(MusterEntry::employeeNumber, NaturalOrder.INSTANCE)
            .thenComparing(MusterEntry::employeeId);

    private final PresenceLedger presence;
    private final BackOfficeDirectory directory;
    private final Clock clock;

    PresenceController(PresenceLedger presence, BackOfficeDirectory directory, Clock clock) {
        this.presence = presence;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/api/v1/buildings/{buildingId}/occupancy")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    OccupancyView occupancy(@PathVariable String buildingId) {
        building(buildingId);
        var asOf = clock.instant();
        return new OccupancyView(buildingId, presence.occupancy(buildingId), asOf);
    }

    @GetMapping("/api/v1/buildings/{buildingId}/muster")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    MusterView muster(@PathVariable String buildingId) {
        var building = building(buildingId);
        var asOf = clock.instant();
        var inside = presence.inside(buildingId);
        var names = Names.join(
                directory,
                inside.stream().map(Presence::employeeId).toList(),
                inside.stream().map(Presence::lastDoorId).toList());
        var hostIds = inside.stream()
                .map(person -> names.employee(person.employeeId())
                        .map(e -> e.affiliation().hostEmployeeId())
                        .orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
        var hosts = hostIds.isEmpty() ? names : Names.join(directory, hostIds, List.of());
        var people = inside.stream()
                .map(person -> MusterEntry.of(person, names, hosts))
                .sorted(BY_NAME)
                .toList();
        return new MusterView(buildingId, building.name(), asOf, people.size(), people);
    }

    private Building building(String buildingId) {
        Require.id("buildingId", buildingId);
        return directory.building(buildingId).orElseThrow(() -> NotFound.of("building", buildingId));
    }

    /** How many people the building believes inside, and when that was read. */
    record OccupancyView(String buildingId, long inside, Instant asOf) {}

    /** The muster list: everyone inside {@code buildingId} at {@code asOf}, by family then given name. */
    record MusterView(String buildingId, String buildingName, Instant asOf, int inside, List<MusterEntry> people) {}

    /**
     * One person inside: who, and their last door and since when. Names are null for an employee record that is
     * gone (the id still says who it was). A visitor or contractor says so in {@code kind}, with their company and,
     * for a visitor, the host's name (whom to call in an emergency); both are null for an employee.
     */
    record MusterEntry(
            String employeeId,
            String employeeNumber,
            String givenName,
            String familyName,
            String department,
            String lastDoorId,
            String lastDoorName,
            Instant since,
            Affiliation.Kind kind,
            String company,
            String hostEmployeeId,
            String hostName) {

        static MusterEntry of(Presence presence, Names names, Names hosts) {
            var employee = names.employee(presence.employeeId());
            var affiliation = employee.map(Employee::affiliation).orElse(Affiliation.EMPLOYEE);
            return new MusterEntry(
                    presence.employeeId(),
                    employee.map(e -> e.employeeNumber()).orElse(null),
                    employee.map(ErasedPeople::givenName).orElse(null),
                    employee.map(ErasedPeople::familyName).orElse(null),
                    employee.map(e -> e.department()).orElse(null),
                    presence.lastDoorId(),
                    names.doorName(presence.lastDoorId()),
                    presence.since(),
                    employee.isPresent() ? affiliation.kind() : null,
                    affiliation.company(),
                    affiliation.hostEmployeeId(),
                    hosts.employee(affiliation.hostEmployeeId())
                            .map(Employee::fullName)
                            .orElse(null));
        }
    }
}
