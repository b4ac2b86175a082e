package io.badgeflow.admin.erasure;

import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.EraseEmployee;
import io.badgeflow.model.employee.EmployeeStatus;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An admin's erasure request: the offboarded person's name, email and department are erased at once (an
 * {@link EraseEmployee} command, applied and audited with its reason like every command). Only an offboarded person
 * may be erased, so a mistaken request cannot take someone's access with it: offboard first. The status is checked
 * here for a clear 409, and again when the command is applied (it may have changed in between).
 */
@RestController
class ErasureController {

    private final CommandSubmissions commands;
    private final BackOfficeDirectory directory;

    ErasureController(CommandSubmissions commands, BackOfficeDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @PostMapping("/api/v1/employees/{employeeId}/erasure")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<ErasureAccepted> erase(
            @PathVariable String employeeId,
            @Valid @RequestBody ErasureRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        Require.id("employeeId", employeeId);
        var employee = directory.employee(employeeId).orElseThrow(() -> NotFound.of("employee", employeeId));
        // a retry of an accepted request (same key) finds the person erased already: answer it as the first time
        if (idempotencyKey == null || employee.status() != EmployeeStatus.ERASED) {
            refuseUnlessOffboarded(employeeId, employee.status());
        }
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new EraseEmployee(
                        stamp.commandId(), stamp.actor(), stamp.occurredAt(), employeeId, request.reason()),
                command -> ErasureAccepted.of(command.commandId(), command.employeeId()),
                ErasureAccepted.class);
    }

    private static void refuseUnlessOffboarded(String employeeId, EmployeeStatus status) {
        if (status == EmployeeStatus.ERASED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Employee " + employeeId + " is erased already.");
        }
        if (status != EmployeeStatus.OFFBOARDED) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Employee " + employeeId + " is " + status + ": only an offboarded employee may be erased;"
                            + " offboard them first.");
        }
    }

    /** The 202 body: the erasure command to follow and the employee it concerns. */
    record ErasureAccepted(String commandId, CommandStatus status, String employeeId) implements AcceptedAnswer {

        static ErasureAccepted of(String commandId, String employeeId) {
            return new ErasureAccepted(commandId, CommandStatus.PENDING, employeeId);
        }
    }
}
