package io.badgeflow.admin.archive;

import io.badgeflow.admin.people.ErasedPeople;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.archive.ArchivedPresence;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.archive.PersonInside;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.employee.Employee;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who was inside a building at a past moment, for auditors: rebuilt from the door-event archive (the presence
 * table only knows now) over a 24-hour look-back, and named from the employees table, since the events carry ids
 * only. Someone who entered before the look-back and passed no door since is not listed (see
 * {@link ArchivedPresence}); the answer says where the look-back began.
 */
@RestController
class InsideAtController {

    private final ArchivedPresence archive;
    private final BackOfficeDirectory directory;
    private final Clock clock;

    InsideAtController(EventArchive archive, BackOfficeDirectory directory, Clock clock) {
        this.archive = new ArchivedPresence(archive, ArchivedPresence.DEFAULT_LOOK_BACK);
        this.directory = directory;
        this.clock = clock;
    }

    /** {@code at} is an RFC 3339 date-time (e.g. 2026-12-06T09:30:00Z), not in the future; without it, now. */
    @GetMapping("/api/v1/buildings/{buildingId}/inside-at")
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    InsideAtView insideAt(@PathVariable String buildingId, @RequestParam(required = false) String at) {
        Require.id("buildingId", buildingId);
        var moment = moment(at);
        directory.building(buildingId).orElseThrow(() -> NotFound.of("building", buildingId));
        var report = archive.insideAt(buildingId, moment);
        return new InsideAtView(
                report.buildingId(),
                report.at(),
                report.lookBackFrom(),
                report.people().stream().map(this::named).toList(),
                report.eventsRead());
    }

    private Instant moment(String at) {
        var now = clock.instant();
        if (at == null || at.isBlank()) {
            return now;
        }
        // RFC 3339 in full, as the OpenAPI document says: offsets up to 23:59 are beyond java.time's 18:00.
        var moment = Require.instant("at", at.strip());
        if (moment.isAfter(now)) {
            throw new InvalidFieldException("at", "must not be in the future");
        }
        return moment;
    }

    /** One read per person; a building's people at one moment are a few hundred at most. */
    private PersonView named(PersonInside person) {
        var employee = directory.employee(person.employeeId());
        return new PersonView(
                person.employeeId(),
                employee.map(Employee::employeeNumber).orElse(null),
                employee.map(ErasedPeople::fullName).orElse(null),
                person.since(),
                person.lastDoorId());
    }

    /** The body: who was inside at {@code at}, by {@code since}; {@code eventsRead} counts every archived event read. */
    record InsideAtView(
            String buildingId, Instant at, Instant lookBackFrom, List<PersonView> people, long eventsRead) {}

    /** One person inside; {@code employeeNumber} and {@code name} are null for an employee no longer on record. */
    record PersonView(String employeeId, String employeeNumber, String name, Instant since, String lastDoorId) {}
}
