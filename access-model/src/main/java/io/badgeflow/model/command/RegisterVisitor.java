package io.badgeflow.model.command;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.employee.Affiliation;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Registers a visitor or a contractor at once with the badge handed out at the desk and their buildings: one
 * person, one card, one grant per building, applied together. The grants carry the affiliation's days, so a door
 * working from its offline list ends the access on the same day as the decision path does.
 *
 * @param affiliation VISITOR or CONTRACTOR, with the host, company and days
 * @param buildingIds the buildings to let them into; for a visitor each one must be in the host's own access
 */
public record RegisterVisitor(
        String commandId,
        String actor,
        Instant occurredAt,
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String email,
        Affiliation affiliation,
        List<String> buildingIds,
        String cardId,
        String cardNumber)
        implements Command {

    /** A visitor's badge is for a few buildings; the cap keeps the registration one transaction. */
    public static final int MAX_BUILDINGS = 20;

    public RegisterVisitor {
        commandId = Require.id("commandId", commandId);
        actor = Require.text("actor", actor, 256);
        occurredAt = Require.present("occurredAt", occurredAt);
        employeeId = Require.id("employeeId", employeeId);
        employeeNumber = Require.text("employeeNumber", employeeNumber, 64);
        givenName = Require.text("givenName", givenName, 128);
        familyName = Require.text("familyName", familyName, 128);
        email = email == null || email.isBlank() ? null : Require.email("email", email);
        Require.present("affiliation", affiliation);
        if (affiliation.isEmployee()) {
            throw new InvalidFieldException("affiliation.kind", "must be VISITOR or CONTRACTOR");
        }
        if (affiliation.company() != null && affiliation.company().length() > 128) {
            throw new InvalidFieldException("affiliation.company", "must be at most 128 characters");
        }
        if (affiliation.hostEmployeeId() != null) {
            Require.id("affiliation.hostEmployeeId", affiliation.hostEmployeeId());
        }
        if (buildingIds == null || buildingIds.isEmpty()) {
            throw new InvalidFieldException("buildingIds", "must name at least one building");
        }
        if (buildingIds.size() > MAX_BUILDINGS) {
            throw new InvalidFieldException("buildingIds", "must name at most " + MAX_BUILDINGS + " buildings");
        }
        buildingIds.forEach(id -> Require.id("buildingIds", id));
        buildingIds = List.copyOf(new LinkedHashSet<>(buildingIds));
        cardId = Require.id("cardId", cardId);
        cardNumber = Require.id("cardNumber", cardNumber);
    }
}
