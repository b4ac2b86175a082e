package io.badgeflow.admin.reception;

import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.employee.Affiliates;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.PresenceLedger;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reception: registers a visitor (or a contractor) with the badge handed out at the desk, and lists, for the desk's
 * building and a day, who is expected, which contractors hold access, and which of them are inside. Registering is
 * open to admins and security operators (a visitor's access is bounded by the host's own); a contractor, who may
 * hold access for months, only to admins. What the command would refuse is checked here first, so the desk gets a
 * clear 4xx at once; card-events checks it again on the state it writes on.
 */
@RestController
@RequestMapping("/api/v1/reception")
class ReceptionController {

    private static final Comparator<ReceptionEntry> BY_NAME = Comparator.comparing(
                    ReceptionEntry::familyName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ReceptionEntry::givenName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ReceptionEntry::employeeId);

    private final CommandSubmissions commands;
    private final BackOfficeDirectory directory;
    private final Affiliates affiliates;
    private final PresenceLedger presence;
    private final Clock clock;

    ReceptionController(
            CommandSubmissions commands,
            BackOfficeDirectory directory,
            Affiliates affiliates,
            PresenceLedger presence,
            Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.affiliates = affiliates;
        this.presence = presence;
        this.clock = clock;
    }

    @PostMapping("/visitors")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    ResponseEntity<VisitorAccepted> register(
            @Valid @RequestBody VisitorRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user,
            Authentication authentication) {
        var kind = request.kind() == null ? Affiliation.Kind.VISITOR : request.kind();
        if (kind == Affiliation.Kind.EMPLOYEE) {
            throw new InvalidFieldException(
                    "kind", "must be VISITOR or CONTRACTOR; employees are registered at /api/v1/employees");
        }
        if (kind == Affiliation.Kind.CONTRACTOR && !isAdmin(authentication)) {
            throw new AccessDeniedException("only an admin registers contractors");
        }
        var buildings = buildings(request.buildingIds());
        var today = LocalDate.now(clock.withZone(buildings.getFirst().timeZone()));
        var affiliation = affiliation(kind, request, today);
        if (affiliation.hostEmployeeId() != null) {
            requireHostAccess(affiliation.hostEmployeeId(), buildings);
        }
        if (directory.cardByNumber(request.cardNumber()).isPresent()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Badge " + request.cardNumber() + " is already in use; hand out another badge.");
        }
        var employeeId = UUID.randomUUID().toString();
        var employeeNumber = request.employeeNumber() != null
                ? request.employeeNumber().strip()
                : (kind == Affiliation.Kind.VISITOR ? "V-" : "C-") + employeeId;
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new RegisterVisitor(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        employeeId,
                        employeeNumber,
                        request.givenName(),
                        request.familyName(),
                        request.email(),
                        affiliation,
                        buildings.stream().map(Building::buildingId).toList(),
                        UUID.randomUUID().toString(),
                        request.cardNumber()),
                command -> VisitorAccepted.of(command),
                VisitorAccepted.class);
    }

    /**
     * The desk's day: visitors expected in {@code buildingId} on {@code date} (today in the building's time zone by
     * default), contractors whose access there runs on that day, and every visitor or contractor inside it now.
     */
    @GetMapping
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    ReceptionView reception(@RequestParam String buildingId, @RequestParam(required = false) LocalDate date) {
        Require.id("buildingId", buildingId);
        var building = directory.building(buildingId).orElseThrow(() -> NotFound.of("building", buildingId));
        var day = date != null ? date : LocalDate.now(clock.withZone(building.timeZone()));
        var insideNow = new HashMap<String, Instant>();
        presence.inside(buildingId).forEach(p -> insideNow.put(p.employeeId(), p.since()));
        var people = new LinkedHashMap<String, Employee>();
        for (var kind : List.of(Affiliation.Kind.VISITOR, Affiliation.Kind.CONTRACTOR)) {
            affiliates.notEndedBy(kind, day).stream()
                    .filter(person -> person.affiliation().isInForceOn(day))
                    .filter(person -> person.status() != EmployeeStatus.OFFBOARDED)
                    .forEach(person -> people.put(person.employeeId(), person));
        }
        // Inside but not of the day (stayed past the visit, or a listing lagging): still shown at the desk.
        var others = insideNow.keySet().stream()
                .filter(id -> !people.containsKey(id))
                .toList();
        if (!others.isEmpty()) {
            directory.employees(others).stream()
                    .filter(person -> !person.affiliation().isEmployee())
                    .forEach(person -> people.put(person.employeeId(), person));
        }
        var entries = entries(people.values(), insideNow);
        var here = entries.stream()
                .filter(entry -> entry.inside() || entry.buildingIds().contains(buildingId))
                .sorted(BY_NAME)
                .toList();
        return new ReceptionView(
                buildingId,
                building.name(),
                day,
                here.stream().filter(e -> e.kind() == Affiliation.Kind.VISITOR).toList(),
                here.stream()
                        .filter(e -> e.kind() == Affiliation.Kind.CONTRACTOR)
                        .toList(),
                here.stream().filter(ReceptionEntry::inside).toList());
    }

    private List<ReceptionEntry> entries(java.util.Collection<Employee> people, Map<String, Instant> insideNow) {
        var hostIds = people.stream()
                .map(person -> person.affiliation().hostEmployeeId())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        var hosts = new HashMap<String, Employee>();
        if (!hostIds.isEmpty()) {
            directory.employees(hostIds).forEach(host -> hosts.put(host.employeeId(), host));
        }
        var cardIds = people.stream()
                .map(Employee::currentCardId)
                .filter(Objects::nonNull)
                .toList();
        var cardNumbers = new HashMap<String, String>();
        if (!cardIds.isEmpty()) {
            directory.cards(cardIds).forEach(card -> cardNumbers.put(card.cardId(), card.cardNumber()));
        }
        var entries = new ArrayList<ReceptionEntry>();
        for (var person : people) {
            var host = person.affiliation().hostEmployeeId() == null
                    ? null
                    : hosts.get(person.affiliation().hostEmployeeId());
            var buildingIds = directory.grantsOf(person.employeeId()).stream()
                    .map(AccessGrant::buildingId)
                    .toList();
            entries.add(ReceptionEntry.of(
                    person,
                    host,
                    cardNumbers.get(person.currentCardId()),
                    buildingIds,
                    insideNow.get(person.employeeId())));
        }
        return entries;
    }

    private List<Building> buildings(List<String> buildingIds) {
        var found = new ArrayList<Building>();
        for (var buildingId : buildingIds.stream().distinct().toList()) {
            found.add(directory
                    .building(buildingId)
                    .orElseThrow(() -> new InvalidFieldException("buildingIds", "there is no building " + buildingId)));
        }
        return found;
    }

    private static Affiliation affiliation(Affiliation.Kind kind, VisitorRequest request, LocalDate today) {
        if (kind == Affiliation.Kind.VISITOR) {
            if (request.hostEmployeeId() == null) {
                throw new InvalidFieldException("hostEmployeeId", "a visitor has a host");
            }
            var from = request.validFrom() != null ? request.validFrom() : today;
            var until = request.validUntil() != null ? request.validUntil() : from;
            requireNotEnded(until, today);
            return Affiliation.visitor(request.hostEmployeeId(), request.company(), from, until);
        }
        if (request.validUntil() == null) {
            throw new InvalidFieldException("validUntil", "a contractor has an end date");
        }
        requireNotEnded(request.validUntil(), today);
        return Affiliation.contractor(
                request.company(), request.hostEmployeeId(), request.validFrom(), request.validUntil());
    }

    private static void requireNotEnded(LocalDate until, LocalDate today) {
        if (until.isBefore(today)) {
            throw new InvalidFieldException("validUntil", "ended before today (" + today + ")");
        }
    }

    /** A visitor is let only into buildings the host may enter: the host's grants say which. */
    private void requireHostAccess(String hostEmployeeId, List<Building> buildings) {
        var host = directory
                .employee(hostEmployeeId)
                .orElseThrow(
                        () -> new InvalidFieldException("hostEmployeeId", "there is no employee " + hostEmployeeId));
        if (host.status() != EmployeeStatus.ACTIVE || !host.affiliation().isEmployee()) {
            throw new InvalidFieldException(
                    "hostEmployeeId", "must be an ACTIVE employee; " + host.fullName() + " is not");
        }
        var hostBuildings = directory.grantsOf(hostEmployeeId).stream()
                .map(AccessGrant::buildingId)
                .toList();
        for (var building : buildings) {
            if (!hostBuildings.contains(building.buildingId())) {
                throw new InvalidFieldException(
                        "buildingIds",
                        "the host has no access to " + building.name() + " (" + building.buildingId()
                                + "); a visitor may only enter the host's own buildings");
            }
        }
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    /** The 202 body: the command to follow, the new person's id and their badge's card id. */
    record VisitorAccepted(String commandId, CommandStatus status, String employeeId, String cardId)
            implements AcceptedAnswer {

        static VisitorAccepted of(RegisterVisitor command) {
            return new VisitorAccepted(
                    command.commandId(), CommandStatus.PENDING, command.employeeId(), command.cardId());
        }
    }

    /**
     * Reception's page for one building and day.
     *
     * @param expected visitors whose visit covers the day and who may enter this building (or are inside)
     * @param contractors contractors whose access runs on the day here
     * @param inside visitors and contractors inside the building now
     */
    record ReceptionView(
            String buildingId,
            String buildingName,
            LocalDate date,
            List<ReceptionEntry> expected,
            List<ReceptionEntry> contractors,
            List<ReceptionEntry> inside) {}
}
