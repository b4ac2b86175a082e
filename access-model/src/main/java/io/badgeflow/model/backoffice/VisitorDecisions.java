package io.badgeflow.model.backoffice;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.Change.Claim;
import io.badgeflow.model.backoffice.Change.SaveCard;
import io.badgeflow.model.backoffice.Change.SaveEmployee;
import io.badgeflow.model.backoffice.Change.SaveGrant;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.command.NotYetKnownException;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.grant.AccessGrant;
import java.util.ArrayList;

/**
 * Registers a visitor or contractor with their badge and buildings in one transaction. A visitor's buildings are
 * checked against the host's own grants here, on the state the write is conditioned on, so a host who lost a
 * building a moment ago cannot pass it on.
 */
final class VisitorDecisions {

    private final BackOfficeStore store;

    VisitorDecisions(BackOfficeStore store) {
        this.store = store;
    }

    Decision register(RegisterVisitor command) {
        if (store.employee(command.employeeId()).isPresent()) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_ALREADY_EXISTS,
                    "employee " + command.employeeId() + " is already registered");
        }
        var affiliation = command.affiliation();
        var host = affiliation.hostEmployeeId() == null ? null : host(affiliation.hostEmployeeId());
        for (var buildingId : command.buildingIds()) {
            if (store.building(buildingId).isEmpty()) {
                throw NotYetKnownException.building(buildingId);
            }
            if (host != null && store.grant(host.employeeId(), buildingId).isEmpty()) {
                throw new RejectedException(
                        RejectionReason.OUTSIDE_HOST_ACCESS,
                        "host " + host.employeeId() + " has no access to building " + buildingId
                                + "; a visitor may only be let into the host's own buildings");
            }
        }
        var registered = Employee.registered(
                        command.employeeId(),
                        command.employeeNumber(),
                        command.givenName(),
                        command.familyName(),
                        command.email(),
                        null,
                        command.occurredAt(),
                        command.commandId(),
                        affiliation)
                .holding(command.cardId())
                .atVersion(1);
        var card = Card.issued(
                command.cardId(), command.cardNumber(), command.employeeId(), null, null, command.occurredAt());
        var changes = new ArrayList<Change>();
        changes.add(new SaveEmployee(registered));
        changes.add(new Claim(UniqueKind.EMPLOYEE_NUMBER, registered.employeeNumber(), registered.employeeId()));
        changes.add(new SaveCard(card));
        changes.add(new Claim(UniqueKind.CARD_NUMBER, card.cardNumber(), card.cardId()));
        for (var buildingId : command.buildingIds()) {
            // The grant ends with the affiliation: an offline door reads the grant's dates, not the person's.
            changes.add(new SaveGrant(AccessGrant.granted(
                    command.employeeId(),
                    buildingId,
                    null,
                    affiliation.validFrom(),
                    affiliation.validUntil(),
                    command.occurredAt(),
                    command.actor(),
                    null)));
        }
        return new Decision(changes, command.employeeId(), card.cardId());
    }

    private Employee host(String hostEmployeeId) {
        var host = store.employee(hostEmployeeId).orElseThrow(() -> NotYetKnownException.employee(hostEmployeeId));
        if (host.status() != EmployeeStatus.ACTIVE || !host.affiliation().isEmployee()) {
            throw new RejectedException(
                    RejectionReason.HOST_NOT_ELIGIBLE,
                    "host " + hostEmployeeId + " is " + host.status() + " "
                            + host.affiliation().kind() + "; only an ACTIVE employee hosts visitors");
        }
        return host;
    }
}
