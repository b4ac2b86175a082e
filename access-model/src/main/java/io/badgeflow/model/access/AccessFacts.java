package io.badgeflow.model.access;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import java.util.Optional;

/**
 * Port: what the entry rules read, one question at a time and only as far as the rules get (an unknown card
 * reads no employee). How fresh each answer is, and how many round trips it costs, is the adapter's business.
 */
public interface AccessFacts {

    Optional<Door> door(String doorId);

    Optional<Building> building(String buildingId);

    Optional<Card> cardByNumber(String cardNumber);

    Optional<Employee> employee(String employeeId);

    Optional<AccessGrant> grant(String employeeId, String buildingId);

    /** The building's setting; a building without one is HARD (the business rule's default). */
    AntiPassback antiPassback(String buildingId);

    /** Empty for someone never seen in the building (outside). */
    Optional<Presence> presence(String employeeId, String buildingId);
}
