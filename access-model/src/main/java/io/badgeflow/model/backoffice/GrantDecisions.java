package io.badgeflow.model.backoffice;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.Change.DeleteGrant;
import io.badgeflow.model.backoffice.Change.SaveEmployee;
import io.badgeflow.model.backoffice.Change.SaveGrant;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.NotYetKnownException;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;

/**
 * The grant commands. Each also writes the employee's next version, so a grant cannot slip in beside an
 * offboarding that did not see it.
 */
final class GrantDecisions {

    /** Offboarding removes every grant in one transaction, which holds at most 100 writes. */
    static final int MAX_GRANTS_PER_EMPLOYEE = 90;

    private final BackOfficeStore store;

    GrantDecisions(BackOfficeStore store) {
        this.store = store;
    }

    Decision grant(GrantAccess command) {
        var employee = employee(command.employeeId());
        employee.requireNotOffboarded();
        if (store.building(command.buildingId()).isEmpty()) {
            throw NotYetKnownException.building(command.buildingId());
        }
        var existing = store.grant(command.employeeId(), command.buildingId()).orElse(null);
        if (existing == null && store.grantsOf(command.employeeId()).size() >= MAX_GRANTS_PER_EMPLOYEE) {
            throw new RejectedException(
                    RejectionReason.TOO_MANY_GRANTS,
                    "employee " + command.employeeId() + " already has " + MAX_GRANTS_PER_EMPLOYEE
                            + " grants, the most one employee may hold");
        }
        return Decision.of(
                employee.employeeId(),
                command.buildingId(),
                new SaveGrant(AccessGrant.granted(
                        command.employeeId(),
                        command.buildingId(),
                        command.schedule(),
                        command.validFrom(),
                        command.validUntil(),
                        command.occurredAt(),
                        command.actor(),
                        existing)),
                new SaveEmployee(employee.touched()));
    }

    Decision revoke(RevokeAccess command) {
        var employee = employee(command.employeeId());
        employee.requireNotOffboarded();
        var grant = store.grant(command.employeeId(), command.buildingId())
                .orElseThrow(() -> new NotYetKnownException(
                        RejectionReason.GRANT_NOT_FOUND,
                        "employee " + command.employeeId() + " has no grant for building " + command.buildingId()));
        return Decision.of(
                employee.employeeId(),
                command.buildingId(),
                new DeleteGrant(grant),
                new SaveEmployee(employee.touched()));
    }

    private Employee employee(String employeeId) {
        return store.employee(employeeId).orElseThrow(() -> NotYetKnownException.employee(employeeId));
    }
}
