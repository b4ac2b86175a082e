package io.badgeflow.admin.grant;

import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.grant.Schedule;
import io.badgeflow.model.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may enter which building. A grant belongs to an employee and a building, so it is written under the
 * employee and listed under the building; granting again replaces the terms.
 */
@RestController
class GrantController {

    private final CommandSubmissions commands;
    private final BackOfficeDirectory directory;
    private final PeopleNames people;

    GrantController(CommandSubmissions commands, BackOfficeDirectory directory, PeopleNames people) {
        this.commands = commands;
        this.directory = directory;
        this.people = people;
    }

    @PostMapping("/api/v1/employees/{employeeId}/grants")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<GrantAccepted> grant(
            @PathVariable String employeeId,
            @Valid @RequestBody GrantRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new GrantAccess(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        employeeId,
                        request.buildingId(),
                        request.schedule() == null ? null : request.schedule().toSchedule(),
                        request.validFrom(),
                        request.validUntil()),
                command -> GrantAccepted.of(command.commandId(), command.employeeId(), command.buildingId()),
                GrantAccepted.class);
    }

    @DeleteMapping("/api/v1/employees/{employeeId}/grants/{buildingId}")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<GrantAccepted> revoke(
            @PathVariable String employeeId,
            @PathVariable String buildingId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                null,
                stamp -> new RevokeAccess(stamp.commandId(), stamp.actor(), stamp.occurredAt(), employeeId, buildingId),
                command -> GrantAccepted.of(command.commandId(), command.employeeId(), command.buildingId()),
                GrantAccepted.class);
    }

    /** Everybody who may enter the building, with their names and the names of the admins who granted it. */
    @GetMapping("/api/v1/buildings/{buildingId}/grants")
    @PreAuthorize(Roles.ANY_STAFF)
    Page<GrantView> grantsFor(
            @PathVariable String buildingId,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size,
            @RequestParam(required = false) String cursor) {
        Require.id("buildingId", buildingId);
        if (directory.building(buildingId).isEmpty()) {
            throw NotFound.of("building", buildingId);
        }
        return Paging.mapPage(
                directory.grantsFor(buildingId, Paging.request(size, cursor)), grants -> GrantView.of(grants, people));
    }

    /** The body of a grant; without a schedule the employee may enter at any hour, without dates on any day. */
    record GrantRequest(
            @NotBlank @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
            String buildingId,

            @Valid ScheduleRequest schedule,
            LocalDate validFrom,
            LocalDate validUntil) {}

    /** Days, and local times such as {@code "07:00"}; an {@code until} before {@code from} runs over midnight. */
    record ScheduleRequest(
            @NotEmpty List<@NotNull DayOfWeek> days,
            @NotNull LocalTime from,
            @NotNull LocalTime until) {

        Schedule toSchedule() {
            return new Schedule(Set.copyOf(days), from, until);
        }
    }

    /** The 202 body: the command to follow, and whose grant for which building it concerns. */
    record GrantAccepted(String commandId, CommandStatus status, String employeeId, String buildingId)
            implements AcceptedAnswer {

        static GrantAccepted of(String commandId, String employeeId, String buildingId) {
            return new GrantAccepted(commandId, CommandStatus.PENDING, employeeId, buildingId);
        }
    }
}
