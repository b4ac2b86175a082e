package io.badgeflow.admin.user;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.Problems;
import io.badgeflow.model.audit.AdminAuditTrail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The back office's staff users, for admins only: list them with role and status, invite one by email with a role
 * (the pool emails a temporary password; the API never returns it), change a role, disable and re-enable. These
 * act on the user pool at once (no command queue), so they answer 200/201 with the user as it is now.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    /** A user pool username as this API takes it: printable, no spaces or slashes. */
    static final String USERNAME = "^[A-Za-z0-9@._+-]{1,128}$";

    private static final String ROLE = "^(admin|operator|auditor)$";
    private static final String ROLE_MESSAGE = "must be admin, operator or auditor";

    private final StaffUsers users;

    UserController(UserDirectory directory, AdminAuditTrail trail, Clock clock) {
        this.users = new StaffUsers(directory, trail, clock);
    }

    record InviteUserRequest(
            // A pattern rather than @Email, so the OpenAPI document states exactly what is accepted.
            @NotBlank
            @Size(max = 128)
            @Pattern(
                    regexp = "^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$",
                    message = "must be an email address")
            String email,

            @NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE)
            String role) {}

    record ChangeRoleRequest(
            @NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE)
            String role) {}

    /** A staff user; {@code role} is null for a user in none of the back office's groups. */
    record UserView(
            String username,
            String userId,
            String email,
            String role,
            String status,
            boolean enabled,
            Instant createdAt) {
        static UserView of(StaffUser user) {
            return new UserView(
                    user.username(),
                    user.userId(),
                    user.email(),
                    user.role() == null ? null : user.role().group(),
                    user.status(),
                    user.enabled(),
                    user.createdAt());
        }
    }

    record UsersView(List<UserView> items) {}

    @GetMapping
    @PreAuthorize(Roles.ADMIN)
    UsersView list() {
        return new UsersView(users.list().stream().map(UserView::of).toList());
    }

    @PostMapping
    @PreAuthorize(Roles.ADMIN)
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document says; the answer sets it too, with Location
    ResponseEntity<UserView> invite(
            @Valid @RequestBody InviteUserRequest request, @AuthenticationPrincipal Jwt caller) {
        var email = request.email().toLowerCase(Locale.ROOT);
        var user = users.invite(caller(caller), email, role(request.role()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
                .body(UserView.of(user));
    }

    @PutMapping("/{username}/role")
    @PreAuthorize(Roles.ADMIN)
    UserView changeRole(
            @PathVariable @Pattern(regexp = USERNAME) String username,
            @Valid @RequestBody ChangeRoleRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return UserView.of(users.changeRole(caller(caller), username, role(request.role())));
    }

    @PostMapping("/{username}/disable")
    @PreAuthorize(Roles.ADMIN)
    UserView disable(@PathVariable @Pattern(regexp = USERNAME) String username, @AuthenticationPrincipal Jwt caller) {
        return UserView.of(users.disable(caller(caller), username));
    }

    @PostMapping("/{username}/enable")
    @PreAuthorize(Roles.ADMIN)
    UserView enable(@PathVariable @Pattern(regexp = USERNAME) String username, @AuthenticationPrincipal Jwt caller) {
        return UserView.of(users.enable(caller(caller), username));
    }

    @ExceptionHandler(UserConflictException.class)
    ProblemDetail conflict(UserConflictException conflict) {
        return Problems.of(HttpStatus.CONFLICT, "Conflict", conflict.getMessage());
    }

    private static StaffUsers.Caller caller(Jwt jwt) {
        return new StaffUsers.Caller(jwt.getSubject(), jwt.getClaimAsString("username"));
    }

    private static StaffRole role(String role) {
        return StaffRole.ofGroup(role);
    }
}
