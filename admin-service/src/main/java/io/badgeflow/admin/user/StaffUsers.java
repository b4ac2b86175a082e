package io.badgeflow.admin.user;

import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * User management with its two rules: the back office never loses its last enabled admin, and nobody disables
 * their own account. Each change that changes something goes into the admin audit trail as one block: who (the
 * caller's {@code sub}), what ({@code InviteUser:<role>}, {@code ChangeUserRole:<role>}, {@code DisableUser},
 * {@code EnableUser}), on whom (the user's {@code sub}, never a name or email) and when. Asking for what already is
 * (the same role, disabling a disabled user) changes nothing and records nothing.
 */
class StaffUsers {

    private final UserDirectory directory;
    private final AdminAuditTrail trail;
    private final Clock clock;

    StaffUsers(UserDirectory directory, AdminAuditTrail trail, Clock clock) {
        this.directory = directory;
        this.trail = trail;
        this.clock = clock;
    }

    List<StaffUser> list() {
        return directory.list();
    }

    StaffUser invite(Caller caller, String email, StaffRole role) {
        var user = directory.invite(email, role);
        audit(caller, "InviteUser:" + role.group(), user);
        return user;
    }

    StaffUser changeRole(Caller caller, String username, StaffRole role) {
        var user = existing(username);
        if (user.role() == role) {
            return user;
        }
        if (user.role() == StaffRole.ADMIN && user.enabled()) {
            requireAnotherEnabledAdmin(user, "This is the last enabled admin: make another user admin first.");
        }
        directory.setRole(user.username(), role);
        audit(caller, "ChangeUserRole:" + role.group(), user);
        return existing(username);
    }

    StaffUser disable(Caller caller, String username) {
        var user = existing(username);
        if (user.username().equalsIgnoreCase(caller.username())) {
            throw new UserConflictException("You cannot disable your own account.");
        }
        if (!user.enabled()) {
            return user;
        }
        if (user.role() == StaffRole.ADMIN) {
            requireAnotherEnabledAdmin(user, "This is the last enabled admin: make another user admin first.");
        }
        directory.disable(user.username());
        audit(caller, "DisableUser", user);
        return existing(username);
    }

    StaffUser enable(Caller caller, String username) {
        var user = existing(username);
        if (user.enabled()) {
            return user;
        }
        directory.enable(user.username());
        audit(caller, "EnableUser", user);
        return existing(username);
    }

    private StaffUser existing(String username) {
        return directory.find(username).orElseThrow(() -> NotFound.of("user", username));
    }

    private void requireAnotherEnabledAdmin(StaffUser user, String refusal) {
        var others = directory.list().stream()
                .filter(other -> other.role() == StaffRole.ADMIN && other.enabled())
                .filter(other -> !other.username().equalsIgnoreCase(user.username()))
                .count();
        if (others == 0) {
            throw new UserConflictException(refusal);
        }
    }

    private void audit(Caller caller, String what, StaffUser user) {
        var id = "user:" + UUID.randomUUID();
        trail.append(
                id,
                List.of(new AuditEntry(
                        id, what, caller.subject(), CommandStatus.APPLIED, null, user.userId(), clock.instant())));
    }

    /** Who asks: the token's {@code sub} (for the audit trail) and username (for the own-account rule). */
    record Caller(String subject, String username) {}
}
