package io.badgeflow.admin.session;

import io.badgeflow.admin.AdminServiceProperties;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "MFA is required for admins": Cognito can require MFA for a whole pool only, not per group, so the pool offers
 * TOTP (MFA OPTIONAL) and this service refuses to open an admin's session until the admin has enrolled. Once
 * enrolled, the pool itself asks for a code at each password sign-in. Usernames compare case-insensitively, as the
 * pool's do.
 */
class AdminMfaRule {

    private final boolean required;
    private final Set<String> exempt;

    AdminMfaRule(AdminServiceProperties properties) {
        this.required = properties.signIn().mfaRequiredForAdmins();
        this.exempt = properties.signIn().mfaExemptUsers().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this user must have TOTP before a session opens (the enrolment itself is the caller's to check). */
    boolean appliesTo(String username, List<String> groups) {
        return required
                && groups.contains("admin")
                && (username == null || !exempt.contains(username.toLowerCase(Locale.ROOT)));
    }
}
