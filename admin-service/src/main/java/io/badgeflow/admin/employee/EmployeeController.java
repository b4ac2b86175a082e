package io.badgeflow.admin.employee;

import io.badgeflow.admin.command.CommandDocumentStore;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterEmployee;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import io.badgeflow.admin.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers employees asynchronously: the request becomes a {@link RegisterEmployee} document in S3 and the
 * caller follows {@code Location} to see it APPLIED or REJECTED. The employee id is chosen here so the
 * caller knows it at once and a redelivered command cannot create a second person.
 */
@RestController
@RequestMapping("/api/v1/employees")
class EmployeeController {

    private final CommandDocumentStore documents;
    private final Clock clock;

    EmployeeController(CommandDocumentStore documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<Accepted> register(@Valid @RequestBody RegisterEmployeeRequest request,
            @AuthenticationPrincipal Jwt user) {
        var command = new RegisterEmployee(UUID.randomUUID().toString(), user.getSubject(), clock.instant(),
                UUID.randomUUID().toString(), request.employeeNumber(), request.givenName(), request.familyName(),
                request.email(), request.department());
        documents.write(command);
        return ResponseEntity.accepted().location(URI.create("/api/v1/commands/" + command.commandId()))
                .body(new Accepted(command.commandId(), CommandStatus.PENDING, command.employeeId()));
    }

    /** The 202 body: the command to follow and the id the new employee will have. */
    record Accepted(String commandId, CommandStatus status, String employeeId) {
    }
}
