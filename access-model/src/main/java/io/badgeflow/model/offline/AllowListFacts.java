package io.badgeflow.model.offline;

import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts as a door without the decision API sees them, read from its verified {@link AllowList}: so a door
 * decides offline with {@link io.badgeflow.model.access.EntryPolicy} itself, the same rules in the same order with
 * the same reasons. A listed card is ACTIVE and its employee ACTIVE (the list holds nobody else); a card not
 * listed is unknown here (UNKNOWN_CARD, whatever the service would have said); anti-passback is OFF, since a door
 * alone cannot know who is inside the building.
 */
public final class AllowListFacts implements AccessFacts {

    /** Stands in for the door's key hash, which no offline rule reads (the door already holds its key). */
    private static final DeviceKeyHash NOT_READ = new DeviceKeyHash("0".repeat(64));

    private static final Instant NOT_KNOWN = Instant.EPOCH;

    private final AllowList list;

    public AllowListFacts(AllowList list) {
        this.list = Objects.requireNonNull(list, "list");
    }

    @Override
    public Optional<Door> door(String doorId) {
        if (!list.doorId().equals(doorId)) {
            return Optional.empty();
        }
        return Optional.of(new Door(doorId, list.buildingId(), doorId, list.capability(), NOT_READ, 1));
    }

    @Override
    public Optional<Building> building(String buildingId) {
        if (!list.buildingId().equals(buildingId)) {
            return Optional.empty();
        }
        return Optional.of(new Building(buildingId, buildingId, list.timeZone(), AntiPassback.off(), NOT_KNOWN, 1));
    }

    @Override
    public Optional<Card> cardByNumber(String cardNumber) {
        return list.entryFor(cardNumber)
                .map(entry -> new Card(
                        entry.cardId(),
                        cardNumber,
                        CardStatus.ACTIVE,
                        entry.employeeId(),
                        entry.cardValidFrom(),
                        entry.cardValidUntil(),
                        NOT_KNOWN,
                        NOT_KNOWN,
                        1));
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        if (list.entries().stream().noneMatch(entry -> entry.employeeId().equals(employeeId))) {
            return Optional.empty();
        }
        return Optional.of(new Employee(
                employeeId,
                employeeId,
                null,
                null,
                null,
                null,
                EmployeeStatus.ACTIVE,
                null,
                List.of(),
                NOT_KNOWN,
                "allow-list",
                NOT_KNOWN,
                1,
                // the visit's or contract's days reach the door on the grant's window
                Affiliation.EMPLOYEE));
    }

    @Override
    public Optional<AccessGrant> grant(String employeeId, String buildingId) {
        if (!list.buildingId().equals(buildingId)) {
            return Optional.empty();
        }
        return list.entries().stream()
                .filter(entry -> entry.employeeId().equals(employeeId))
                .findFirst()
                .map(entry -> new AccessGrant(
                        employeeId,
                        buildingId,
                        entry.schedule(),
                        entry.grantValidFrom(),
                        entry.grantValidUntil(),
                        NOT_KNOWN,
                        "allow-list",
                        1));
    }

    @Override
    public AntiPassback antiPassback(String buildingId) {
        return AntiPassback.off();
    }

    @Override
    public Optional<Presence> presence(String employeeId, String buildingId) {
        return Optional.empty();
    }
}
