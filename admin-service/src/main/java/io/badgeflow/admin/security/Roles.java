package io.badgeflow.admin.security;

/**
 * The role expressions handlers declare with {@code @PreAuthorize}. Roles come from the token's
 * {@code cognito:groups}: {@code admin} runs every command, {@code operator} reads people, cards, doors and
 * dead letters and may redrive, {@code auditor} reads and runs the audit views.
 */
public final class Roles {

    public static final String ADMIN = "hasRole('ADMIN')";
    public static final String ADMIN_OR_OPERATOR = "hasAnyRole('ADMIN', 'OPERATOR')";
    public static final String ANY_STAFF = "hasAnyRole('ADMIN', 'OPERATOR', 'AUDITOR')";
    public static final String ADMIN_OR_AUDITOR = "hasAnyRole('ADMIN', 'AUDITOR')";

    /** The SCIM provisioning client (its own filter chain gives this authority to its tokens, and to nobody else). */
    public static final String SCIM = "hasAuthority('SCIM_PROVISIONING')";

    private Roles() {}
}
