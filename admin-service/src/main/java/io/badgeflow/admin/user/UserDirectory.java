package io.badgeflow.admin.user;

import java.util.List;
import java.util.Optional;

/**
 * Port: the back office's staff users as the user pool keeps them (Cognito in the {@code aws} package). Roles are
 * the pool's groups; disabling a user also ends every session of theirs.
 */
public interface UserDirectory {

    /** Every user, in the pool's order. */
    List<StaffUser> list();

    Optional<StaffUser> find(String username);

    /**
     * Creates the user with {@code email} as username and a temporary password the pool sends by email (never
     * returned), in the group of {@code role}.
     *
     * @throws UserConflictException if a user of that name exists
     */
    StaffUser invite(String email, StaffRole role);

    /** Puts the user in {@code role}'s group and out of the other roles' groups. */
    void setRole(String username, StaffRole role);

    /** Refuses further sign-ins and ends the user's sessions (their refresh tokens stop working). */
    void disable(String username);

    void enable(String username);
}
