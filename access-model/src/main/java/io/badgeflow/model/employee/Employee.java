package io.badgeflow.model.employee;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person the back office manages, and the root every change to their cards and grants goes through: each
 * such change writes a new {@code version} of the employee in the same transaction, so offboarding, issuing
 * and granting for one person are serialised by one conditional write. Personal data lives here and in the
 * back-office tables only; events and stream records carry {@code employeeId} alone.
 *
 * @param currentCardId the one linked card that is ACTIVE or SUSPENDED, if any
 * @param cardIds every card linked to this employee and not unlinked since, terminal ones included (history)
 * @param updatedAt {@code occurredAt} of the registration or update whose data this is
 * @param version starts at 1 and grows by one with every stored change
 * @param affiliation employee, visitor or contractor; null reads as {@link Affiliation#EMPLOYEE} (records written
 *     before there were others)
 */
public record Employee(
        String employeeId,
        String employeeNumber,
        String givenName,
        String familyName,
        String email,
        String department,
        EmployeeStatus status,
        String currentCardId,
        List<String> cardIds,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        long version,
        Affiliation affiliation) {

    public Employee {
        affiliation = affiliation == null ? Affiliation.EMPLOYEE : affiliation;
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(employeeNumber, "employeeNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        cardIds = List.copyOf(cardIds == null ? List.of() : cardIds);
        if (currentCardId != null && !cardIds.contains(currentCardId)) {
            throw new IllegalArgumentException("the current card is one of the employee's cards");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /**
     * The employee a registration creates: ACTIVE, without cards. {@code registeredBy} is the registering
     * command's id, to recognise redelivery.
     */
    public static Employee registered(
            String employeeId,
            String employeeNumber,
            String givenName,
            String familyName,
            String email,
            String department,
            Instant registeredAt,
            String registeredBy) {
        return registered(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                registeredAt,
                registeredBy,
                Affiliation.EMPLOYEE);
    }

    /** As above, for a visitor or contractor: {@code affiliation} says whose and until when. */
    public static Employee registered(
            String employeeId,
            String employeeNumber,
            String givenName,
            String familyName,
            String email,
            String department,
            Instant registeredAt,
            String registeredBy,
            Affiliation affiliation) {
        return new Employee(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                EmployeeStatus.ACTIVE,
                null,
                List.of(),
                registeredAt,
                registeredBy,
                registeredAt,
                1,
                affiliation);
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    public boolean hasCurrentCard() {
        return currentCardId != null;
    }

    /**
     * The next version with this personal data, from an update issued at {@code at}; the newest update wins when
     * two cross.
     */
    public Employee updated(
            String employeeNumber, String givenName, String familyName, String email, String department, Instant at) {
        requireNotOffboarded();
        if (at.isBefore(updatedAt)) {
            throw new RejectedException(
                    RejectionReason.STALE_UPDATE,
                    "employee " + employeeId + " already has data from a newer update (" + updatedAt + ")");
        }
        return new Employee(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                status,
                currentCardId,
                cardIds,
                registeredAt,
                registeredBy,
                at,
                version + 1,
                affiliation);
    }

    public Employee deactivated() {
        requireNotOffboarded();
        if (status == EmployeeStatus.INACTIVE) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_ALREADY_INACTIVE, "employee " + employeeId + " is already inactive");
        }
        return withStatus(EmployeeStatus.INACTIVE);
    }

    public Employee reactivated() {
        requireNotOffboarded();
        if (status == EmployeeStatus.ACTIVE) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_ALREADY_ACTIVE, "employee " + employeeId + " is already active");
        }
        return withStatus(EmployeeStatus.ACTIVE);
    }

    /** Terminal. The caller revokes the current card and removes the grants in the same transaction. */
    public Employee offboarded() {
        requireNotOffboarded();
        return new Employee(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                EmployeeStatus.OFFBOARDED,
                null,
                cardIds,
                registeredAt,
                registeredBy,
                updatedAt,
                version + 1,
                affiliation);
    }

    /** The employee holding {@code cardId} as their current card, kept in their card history. */
    public Employee holding(String cardId) {
        requireNotOffboarded();
        var cards = new ArrayList<>(cardIds);
        if (!cards.contains(cardId)) {
            cards.add(cardId);
        }
        return withCards(cardId, cards);
    }

    /** The employee after their current card ended (lost, revoked, superseded): it stays in the history. */
    public Employee withoutCurrentCard() {
        return withCards(null, cardIds);
    }

    /** The employee after a card was taken back into stock: gone from current and from the history. */
    public Employee without(String cardId) {
        var cards = new ArrayList<>(cardIds);
        cards.remove(cardId);
        return withCards(cardId.equals(currentCardId) ? null : currentCardId, cards);
    }

    /** A new version with nothing changed but the version: written to serialise a change to a grant. */
    public Employee touched() {
        requireNotOffboarded();
        return withCards(currentCardId, cardIds);
    }

    /** The same employee stored as {@code next}: several changes of one transaction are written as one. */
    public Employee atVersion(long next) {
        return new Employee(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                status,
                currentCardId,
                cardIds,
                registeredAt,
                registeredBy,
                updatedAt,
                next,
                affiliation);
    }

    /**
     * The same person without their name, email and department (status ERASED), so the door history that keeps
     * their id stays readable while the personal data is gone. Only an offboarded employee may be erased; the
     * employee number stays (an HR identifier, not a name: see docs/operations.md, "Erasure"), so does the
     * card history (ids).
     */
    public Employee erased() {
        if (status == EmployeeStatus.ERASED) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_ERASED, "employee " + employeeId + " is already erased");
        }
        if (status != EmployeeStatus.OFFBOARDED) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_NOT_OFFBOARDED,
                    "employee " + employeeId + " is " + status + ": only an offboarded employee may be erased");
        }
        return new Employee(
                employeeId,
                employeeNumber,
                null,
                null,
                null,
                null,
                EmployeeStatus.ERASED,
                null,
                cardIds,
                registeredAt,
                registeredBy,
                updatedAt,
                version + 1,
                affiliation);
    }

    public boolean isErased() {
        return status == EmployeeStatus.ERASED;
    }

    /** Refuses any change to an employee who left: offboarded, or offboarded and since erased. */
    public void requireNotOffboarded() {
        if (status == EmployeeStatus.ERASED) {
            throw new RejectedException(RejectionReason.EMPLOYEE_ERASED, "employee " + employeeId + " is erased");
        }
        if (status == EmployeeStatus.OFFBOARDED) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_OFFBOARDED, "employee " + employeeId + " is offboarded");
        }
    }

    private Employee withStatus(EmployeeStatus next) {
        return new Employee(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                next,
                currentCardId,
                cardIds,
                registeredAt,
                registeredBy,
                updatedAt,
                version + 1,
                affiliation);
    }

    private Employee withCards(String current, List<String> cards) {
        return new Employee(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                status,
                current,
                cards,
                registeredAt,
                registeredBy,
                updatedAt,
                version + 1,
                affiliation);
    }
}
