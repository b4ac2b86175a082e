package io.badgeflow.model.backoffice;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Port: the back office's read side. Listings come from indexes and may trail a just-applied command by a
 * moment; single-record reads are current.
 */
public interface BackOfficeDirectory {

    Optional<Employee> employee(String employeeId);

    Optional<Employee> employeeByNumber(String employeeNumber);

    /** The employees with these ids that exist, in the order asked (one batch read, for joining names to ids). */
    List<Employee> employees(List<String> employeeIds);

    /**
     * Employees by family name then given name; with a {@code namePrefix} only those whose family name starts
     * with it (case-insensitive).
     */
    Page<Employee> employees(String namePrefix, PageRequest page);

    Optional<Card> card(String cardId);

    Optional<Card> cardByNumber(String cardNumber);

    /** The cards with these ids that exist, in the order asked. */
    List<Card> cards(List<String> cardIds);

    /** Cards by card number; with a {@code status} only cards in it. */
    Page<Card> cards(CardStatus status, PageRequest page);

    Optional<Building> building(String buildingId);

    Page<Building> buildings(PageRequest page);

    Optional<Door> door(String doorId);

    List<Door> doorsOf(String buildingId);

    List<AccessGrant> grantsOf(String employeeId);

    Page<AccessGrant> grantsFor(String buildingId, PageRequest page);
}
