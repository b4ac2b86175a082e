package io.badgeflow.admin.employee;

import io.badgeflow.admin.card.CardView;
import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.command.CommandView;
import io.badgeflow.admin.grant.GrantView;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.ReactivateEmployee;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Employees: every change is a command document answered with 202 and the command to follow; reads answer from
 * the back-office tables. The employee id is chosen here so the caller knows it at once and a redelivered
 * registration cannot create a second person.
 */
@RestController
@RequestMapping("/api/v1/employees")
class EmployeeController {

    /** How much history the employee page shows; the rest is a page away. */
    static final int HISTORY_ON_DETAILS = 20;

    private final CommandSubmissions commands;
    private final BackOfficeDirectory directory;
    private final CommandHistory history;
    private final PeopleNames people;

    EmployeeController(
            CommandSubmissions commands, BackOfficeDirectory directory, CommandHistory history, PeopleNames people) {
        this.people = people;
        this.commands = commands;
        this.directory = directory;
        this.history = history;
    }

    @PostMapping
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<EmployeeAccepted> register(
            @Valid @RequestBody EmployeeRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new RegisterEmployee(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        UUID.randomUUID().toString(),
                        request.employeeNumber(),
                        request.givenName(),
                        request.familyName(),
                        request.email(),
                        request.department()),
                command -> EmployeeAccepted.of(command.commandId(), command.employeeId()),
                EmployeeAccepted.class);
    }

    @PutMapping("/{employeeId}")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<EmployeeAccepted> update(
            @PathVariable String employeeId,
            @Valid @RequestBody EmployeeRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new UpdateEmployee(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        employeeId,
                        request.employeeNumber(),
                        request.givenName(),
                        request.familyName(),
                        request.email(),
                        request.department()),
                command -> EmployeeAccepted.of(command.commandId(), command.employeeId()),
                EmployeeAccepted.class);
    }

    @PostMapping("/{employeeId}/deactivate")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<EmployeeAccepted> deactivate(
            @PathVariable String employeeId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                null,
                stamp -> new DeactivateEmployee(stamp.commandId(), stamp.actor(), stamp.occurredAt(), employeeId),
                command -> EmployeeAccepted.of(command.commandId(), command.employeeId()),
                EmployeeAccepted.class);
    }

    @PostMapping("/{employeeId}/reactivate")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<EmployeeAccepted> reactivate(
            @PathVariable String employeeId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                null,
                stamp -> new ReactivateEmployee(stamp.commandId(), stamp.actor(), stamp.occurredAt(), employeeId),
                command -> EmployeeAccepted.of(command.commandId(), command.employeeId()),
                EmployeeAccepted.class);
    }

    /** Ends employment for good: card-events revokes every card and removes every grant in the same transaction. */
    @PostMapping("/{employeeId}/offboard")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<EmployeeAccepted> offboard(
            @PathVariable String employeeId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                null,
                stamp -> new OffboardEmployee(stamp.commandId(), stamp.actor(), stamp.occurredAt(), employeeId),
                command -> EmployeeAccepted.of(command.commandId(), command.employeeId()),
                EmployeeAccepted.class);
    }

    /**
     * Finds employees: {@code q} is tried as an exact employee number first (what a badge desk types), then as the
     * start of a family name; without {@code q} everybody, by name.
     */
    @GetMapping
    @PreAuthorize(Roles.ANY_STAFF)
    Page<EmployeeView> search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size,
            @RequestParam(required = false) String cursor) {
        if (!ApiPatterns.isText(q) || (q != null && q.length() > 128)) {
            throw new InvalidFieldException("q", "must be at most 128 characters without control characters");
        }
        var page = Paging.request(size, cursor);
        var query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && page.cursor() == null) {
            var byNumber = directory.employeeByNumber(query);
            if (byNumber.isPresent()) {
                return new Page<>(List.of(EmployeeView.of(byNumber.get())), null);
            }
        }
        return Paging.map(directory.employees(query, page), EmployeeView::of);
    }

    @GetMapping("/{employeeId}")
    @PreAuthorize(Roles.ANY_STAFF)
    EmployeeDetails employee(@PathVariable String employeeId) {
        Require.id("employeeId", employeeId);
        var employee = directory.employee(employeeId).orElseThrow(() -> NotFound.of("employee", employeeId));
        return new EmployeeDetails(
                EmployeeView.of(employee),
                CardView.of(directory.cards(employee.cardIds()), people),
                GrantView.of(directory.grantsOf(employeeId), people),
                Paging.mapPage(
                        history.ofEmployee(employeeId, PageRequest.first(HISTORY_ON_DETAILS)),
                        records -> CommandView.of(records, people)));
    }

    @GetMapping("/{employeeId}/commands")
    @PreAuthorize(Roles.ANY_STAFF)
    Page<CommandView> commands(
            @PathVariable String employeeId,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size,
            @RequestParam(required = false) String cursor) {
        Require.id("employeeId", employeeId);
        if (directory.employee(employeeId).isEmpty()) {
            throw NotFound.of("employee", employeeId);
        }
        return Paging.mapPage(
                history.ofEmployee(employeeId, Paging.request(size, cursor)),
                records -> CommandView.of(records, people));
    }

    /** The 202 body: the command to follow and the employee it concerns (the new one's id, for a registration). */
    record EmployeeAccepted(String commandId, CommandStatus status, String employeeId) implements AcceptedAnswer {

        static EmployeeAccepted of(String commandId, String employeeId) {
            return new EmployeeAccepted(commandId, CommandStatus.PENDING, employeeId);
        }
    }

    /** One employee with their cards (current and past), grants and latest commands. */
    record EmployeeDetails(
            EmployeeView employee, List<CardView> cards, List<GrantView> grants, Page<CommandView> commands) {}
}
