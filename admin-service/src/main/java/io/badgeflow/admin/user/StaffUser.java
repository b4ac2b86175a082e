package io.badgeflow.admin.user;

import java.time.Instant;

/**
 * A staff user as the pool keeps them: the username, the pool's immutable id ({@code sub}, what the audit trail
 * names), the email, the strongest role (null without one), the pool's status ({@code FORCE_CHANGE_PASSWORD} until
 * the first sign-in, then {@code CONFIRMED}), whether sign-in is enabled, and when the user was created.
 */
public record StaffUser(
        String username,
        String userId,
        String email,
        StaffRole role,
        String status,
        boolean enabled,
        Instant createdAt) {}
