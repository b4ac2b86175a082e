package io.badgeflow.model.backoffice;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the back-office records as commands see them. Reads are strongly consistent; {@link #commit} writes a
 * command's changes together with its record, all or nothing, which is what makes a command take effect once.
 */
public interface BackOfficeStore {

    Optional<Employee> employee(String employeeId);

    Optional<Card> card(String cardId);

    Optional<Building> building(String buildingId);

    Optional<Door> door(String doorId);

    Optional<AccessGrant> grant(String employeeId, String buildingId);

    List<AccessGrant> grantsOf(String employeeId);

    /**
     * Writes every change and the commands' records in one transaction: at most one change per stored item,
     * and together no more than DynamoDB's 100 writes per transaction.
     *
     * @throws ConcurrentChangeException a record is no longer the version the changes were decided on
     * @throws ValueTakenException a claimed value belongs to another record
     * @throws AlreadyRecordedException one of the commands already has a record; nothing was written
     */
    void commit(List<Change> changes, List<CommandRecord> records);

    /** Thrown by {@link #commit} when state moved under the decision: decide again on fresh reads. */
    final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String message) {
            super(message);
        }
    }

    /** Thrown by {@link #commit} when a unique value is held by another record. */
    final class ValueTakenException extends RuntimeException {
        private final UniqueKind kind;

        public ValueTakenException(UniqueKind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public UniqueKind kind() {
            return kind;
        }
    }

    /** Thrown by {@link #commit} when the command was finished before, by an earlier delivery. */
    final class AlreadyRecordedException extends RuntimeException {
        public AlreadyRecordedException(String message) {
            super(message);
        }
    }
}
