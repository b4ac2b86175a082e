package io.badgeflow.model.onboarding;

import io.badgeflow.model.Require;

/**
 * An admin's go-ahead for one plan of an import: it applies the plan with this {@code fingerprint} and no other.
 * {@code overrideLimit} lets a plan offboard more people than the safety limit allows; admin-service records the
 * override with its {@code reason} in the admin audit trail before it writes the confirmation.
 */
public record ImportConfirmation(
        String importId, String fingerprint, String confirmedBy, boolean overrideLimit, String reason) {

    public ImportConfirmation {
        importId = Require.id("importId", importId);
        fingerprint = Require.id("fingerprint", fingerprint);
        confirmedBy = Require.text("confirmedBy", confirmedBy, 256);
        reason = Require.optionalText("reason", reason, 500);
    }
}
