package io.badgeflow.admin.scim;

import java.util.Optional;

/**
 * Port: what SCIM knows of an employee that the back office does not: the provisioning system's
 * {@code externalId} (unique), and whether SCIM deleted the person (RFC 7644 wants 404 for a deleted resource,
 * while the back office keeps the offboarded employee). Written by admin-service only, after the employee's own
 * command applied; the employee's data itself changes through commands alone.
 */
public interface ScimLinks {

    /** The link of an employee, or empty when SCIM never touched them. */
    Optional<ScimLink> of(String employeeId);

    /** The employee the {@code externalId} belongs to. */
    Optional<String> employeeWithExternalId(String externalId);

    /**
     * Gives the employee this {@code externalId} (null for none), releasing their previous one.
     *
     * @return false when another employee holds it (nothing changed)
     */
    boolean link(String employeeId, String externalId);

    /** Marks the employee deleted for SCIM: from now on every SCIM operation on them answers 404. */
    void markDeleted(String employeeId);

    /** One employee's link. */
    record ScimLink(String employeeId, String externalId, boolean deleted) {}
}
