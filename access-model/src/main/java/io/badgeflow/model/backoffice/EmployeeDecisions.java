package io.badgeflow.model.backoffice;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.Change.Claim;
import io.badgeflow.model.backoffice.Change.DeleteGrant;
import io.badgeflow.model.backoffice.Change.Release;
import io.badgeflow.model.backoffice.Change.SaveCard;
import io.badgeflow.model.backoffice.Change.SaveEmployee;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.EraseEmployee;
import io.badgeflow.model.command.NotYetKnownException;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.ReactivateEmployee;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.employee.Employee;
import java.util.ArrayList;
import java.util.List;

/** The employee commands: what each would write, or why it may not. */
final class EmployeeDecisions {

    private final BackOfficeStore store;

    EmployeeDecisions(BackOfficeStore store) {
        this.store = store;
    }

    Decision register(RegisterEmployee command) {
        if (store.employee(command.employeeId()).isPresent()) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_ALREADY_EXISTS,
                    "employee " + command.employeeId() + " is already registered");
        }
        return Decision.of(
                command.employeeId(),
                null,
                new SaveEmployee(Employee.registered(
                        command.employeeId(),
                        command.employeeNumber(),
                        command.givenName(),
                        command.familyName(),
                        command.email(),
                        command.department(),
                        command.occurredAt(),
                        command.commandId())),
                new Claim(UniqueKind.EMPLOYEE_NUMBER, command.employeeNumber(), command.employeeId()));
    }

    Decision update(UpdateEmployee command) {
        var employee = employee(command.employeeId());
        var next = employee.updated(
                command.employeeNumber(),
                command.givenName(),
                command.familyName(),
                command.email(),
                command.department(),
                command.occurredAt());
        var changes = new ArrayList<Change>(List.of(new SaveEmployee(next)));
        if (!next.employeeNumber().equals(employee.employeeNumber())) {
            changes.add(new Claim(UniqueKind.EMPLOYEE_NUMBER, next.employeeNumber(), next.employeeId()));
            changes.add(new Release(UniqueKind.EMPLOYEE_NUMBER, employee.employeeNumber(), employee.employeeId()));
        }
        return new Decision(changes, command.employeeId(), null);
    }

    Decision deactivate(DeactivateEmployee command) {
        return Decision.of(
                command.employeeId(),
                null,
                new SaveEmployee(employee(command.employeeId()).deactivated()));
    }

    Decision reactivate(ReactivateEmployee command) {
        return Decision.of(
                command.employeeId(),
                null,
                new SaveEmployee(employee(command.employeeId()).reactivated()));
    }

    /**
     * Revokes the current card, removes every grant and frees the employee number (a rehire may be registered
     * with it again), all with the employee's new version in one transaction: any concurrent issue, link or
     * grant for this employee changed that version too, so one of the two transactions fails and is decided
     * again on fresh state.
     */
    Decision offboard(OffboardEmployee command) {
        var employee = employee(command.employeeId());
        var changes = new ArrayList<Change>(List.of(new SaveEmployee(employee.offboarded())));
        if (employee.hasCurrentCard()) {
            var card = store.card(employee.currentCardId())
                    .orElseThrow(() -> new IllegalStateException("employee " + employee.employeeId() + " holds card "
                            + employee.currentCardId() + " that is not stored"));
            changes.add(new SaveCard(card.revoked()));
        }
        store.grantsOf(employee.employeeId()).forEach(grant -> changes.add(new DeleteGrant(grant)));
        changes.add(new Release(UniqueKind.EMPLOYEE_NUMBER, employee.employeeNumber(), employee.employeeId()));
        return new Decision(changes, employee.employeeId(), null);
    }

    /**
     * Erases an offboarded employee's personal data: one conditional write of the employee's next version, so an
     * erasure never crosses a concurrent change unseen. Cards, grants and claims hold no personal data (offboarding
     * already revoked the card, removed the grants and freed the number).
     */
    Decision erase(EraseEmployee command) {
        return Decision.of(
                command.employeeId(),
                null,
                new SaveEmployee(employee(command.employeeId()).erased()));
    }

    private Employee employee(String employeeId) {
        return store.employee(employeeId).orElseThrow(() -> NotYetKnownException.employee(employeeId));
    }
}
