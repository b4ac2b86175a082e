package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceLedger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The entry rules' facts read straight from the back office's tables, every read strongly consistent: what
 * card-events committed a moment ago is what the rules see. A card is found by its number through the number's
 * claim (numbers are never released, so a revoked card is still found and named REVOKED).
 */
public final class DynamoDbAccessFacts implements AccessFacts {

    private final BackOfficeRows rows;
    private final PresenceLedger presences;

    public DynamoDbAccessFacts(DynamoDbEnhancedClient enhanced, BackOfficeTables tables, PresenceLedger presences) {
        this.rows = new BackOfficeRows(enhanced, tables);
        this.presences = Objects.requireNonNull(presences, "presences");
    }

    @Override
    public Optional<Door> door(String doorId) {
        return rows.door(doorId);
    }

    @Override
    public Optional<Building> building(String buildingId) {
        return rows.building(buildingId);
    }

    @Override
    public Optional<Card> cardByNumber(String cardNumber) {
        return rows.cardByNumber(cardNumber);
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return rows.employee(employeeId);
    }

    @Override
    public Optional<AccessGrant> grant(String employeeId, String buildingId) {
        return rows.grant(employeeId, buildingId);
    }

    /** All of an employee's grants in one read, for a cache that keeps them per employee. */
    public List<AccessGrant> grantsOf(String employeeId) {
        return rows.grantsOf(employeeId);
    }

    @Override
    public AntiPassback antiPassback(String buildingId) {
        return rows.building(buildingId).map(Building::antiPassback).orElseGet(AntiPassback::hard);
    }

    @Override
    public Optional<Presence> presence(String employeeId, String buildingId) {
        return presences.find(employeeId, buildingId);
    }
}
