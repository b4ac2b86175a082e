package io.badgeflow.model.access;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts in maps, for tests. Records every read (so tests can show what a refusal did not read), and writes
 * presence on the condition a store would: only over the version the writer read.
 */
final class InMemoryAccessFacts implements AccessFacts {

    private final Map<String, Door> doors = new HashMap<>();
    private final Map<String, Building> buildings = new HashMap<>();
    private final Map<String, Card> cards = new HashMap<>();
    private final Map<String, Employee> employees = new HashMap<>();
    private final Map<String, AccessGrant> grants = new HashMap<>();
    private final Map<String, AntiPassback> antiPassback = new HashMap<>();
    private final Map<String, Presence> presence = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    InMemoryAccessFacts with(Door door) {
        doors.put(door.doorId(), door);
        return this;
    }

    InMemoryAccessFacts with(Building building) {
        buildings.put(building.buildingId(), building);
        return this;
    }

    InMemoryAccessFacts with(Card card) {
        cards.put(card.cardNumber(), card);
        return this;
    }

    InMemoryAccessFacts with(Employee employee) {
        employees.put(employee.employeeId(), employee);
        return this;
    }

    InMemoryAccessFacts with(AccessGrant grant) {
        grants.put(grant.employeeId() + "/" + grant.buildingId(), grant);
        return this;
    }

    InMemoryAccessFacts with(Presence stored) {
        presence.put(stored.employeeId() + "/" + stored.buildingId(), stored);
        return this;
    }

    InMemoryAccessFacts with(Candidate candidate) {
        with(candidate.employee());
        if (candidate.card() != null) {
            with(candidate.card());
        }
        candidate.grants().forEach(this::with);
        return this;
    }

    InMemoryAccessFacts antiPassback(String buildingId, AntiPassback setting) {
        antiPassback.put(buildingId, setting);
        return this;
    }

    /** Stores {@code next} only if the stored presence is still the version {@code read}; as the adapter will. */
    boolean writePresence(Presence read, Presence next) {
        var key = next.employeeId() + "/" + next.buildingId();
        var stored = presence.get(key);
        var storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != read.version()) {
            return false;
        }
        presence.put(key, next);
        return true;
    }

    Presence presenceOf(String employeeId, String buildingId) {
        return presence.getOrDefault(employeeId + "/" + buildingId, Presence.unknown(employeeId, buildingId));
    }

    List<String> reads() {
        return List.copyOf(reads);
    }

    @Override
    public Optional<Door> door(String doorId) {
        reads.add("door:" + doorId);
        return Optional.ofNullable(doors.get(doorId));
    }

    @Override
    public Optional<Building> building(String buildingId) {
        reads.add("building:" + buildingId);
        return Optional.ofNullable(buildings.get(buildingId));
    }

    @Override
    public Optional<Card> cardByNumber(String cardNumber) {
        reads.add("card:" + cardNumber);
        return Optional.ofNullable(cards.get(cardNumber));
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        reads.add("employee:" + employeeId);
        return Optional.ofNullable(employees.get(employeeId));
    }

    @Override
    public Optional<AccessGrant> grant(String employeeId, String buildingId) {
        reads.add("grant:" + employeeId + "/" + buildingId);
        return Optional.ofNullable(grants.get(employeeId + "/" + buildingId));
    }

    @Override
    public AntiPassback antiPassback(String buildingId) {
        reads.add("anti-passback:" + buildingId);
        return antiPassback.getOrDefault(buildingId, AntiPassback.hard());
    }

    @Override
    public Optional<Presence> presence(String employeeId, String buildingId) {
        reads.add("presence:" + employeeId + "/" + buildingId);
        return Optional.ofNullable(presence.get(employeeId + "/" + buildingId));
    }
}
