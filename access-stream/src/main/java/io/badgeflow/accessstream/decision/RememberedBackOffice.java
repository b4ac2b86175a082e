package io.badgeflow.accessstream.decision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.aws.dynamodb.DynamoDbAccessFacts;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceLedger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The back office's records as the decision path remembers them, so a decision costs no read of them: each is
 * read once (strongly consistent) and remembered until a finished command names it ({@link #forget}) or its
 * time-to-live, the safety net, runs out. Presence is never remembered here; see {@link RememberedPresence}.
 *
 * <p>What a command names: its employee (the employee, all their grants and every card they hold) and its
 * subject (a card, building or door id). A card number found nowhere is remembered only briefly, since issuing
 * a card names the card by id, not by number.
 *
 * <p>A door id found nowhere is remembered apart from the doors, in a cache of its own with a small maximum size
 * and a short life ({@code decisions.refusal-ttl}, {@code decisions.max-refusals}), so made-up door ids cost one
 * read each at most, bounded memory, and never push a real door out. The keys doors refused are {@link
 * RefusedKeys}; a command naming a door (a key rotated, a door registered) forgets both.
 */
final class RememberedBackOffice implements AccessFacts {

    private final DynamoDbAccessFacts store;
    private final PresenceLedger presences;
    private final Cache<String, Door> doors;
    private final Cache<String, Boolean> unknownDoors;
    private final RefusedKeys refusedKeys;
    private final Cache<String, Optional<Building>> buildings;
    private final Cache<String, Optional<Employee>> employees;
    private final Cache<String, List<AccessGrant>> grants;
    private final Cache<String, Card> cards;
    private final Cache<String, Boolean> unknownCards;
    /** Which card numbers to forget when a command names a card id or an employee. */
    private final Map<String, String> numberOfCard = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> numbersOfEmployee = new ConcurrentHashMap<>();

    RememberedBackOffice(
            DynamoDbAccessFacts store, PresenceLedger presences, AccessStreamProperties.Decisions settings) {
        this.store = store;
        this.presences = presences;
        this.doors = cache(settings);
        this.buildings = cache(settings);
        this.employees = cache(settings);
        this.grants = cache(settings);
        this.cards = cache(settings);
        this.unknownCards = Caffeine.newBuilder()
                .maximumSize(settings.maxRecords())
                .expireAfterWrite(settings.unknownCardTtl())
                .build();
        this.unknownDoors = Caffeine.newBuilder()
                .maximumSize(settings.maxRefusals())
                .expireAfterWrite(settings.refusalTtl())
                .build();
        this.refusedKeys = new RefusedKeys(settings);
    }

    /** The keys doors refused, forgotten here with the doors. */
    RefusedKeys refusedKeys() {
        return refusedKeys;
    }

    private static <V> Cache<String, V> cache(AccessStreamProperties.Decisions settings) {
        return Caffeine.newBuilder()
                .maximumSize(settings.maxRecords())
                .expireAfterWrite(settings.recordTtl())
                .build();
    }

    @Override
    public Optional<Door> door(String doorId) {
        if (unknownDoors.getIfPresent(doorId) != null) {
            return Optional.empty();
        }
        // Concurrent first requests for one door share one read; a door found nowhere goes to the bounded,
        // short-lived unknown memory instead of the doors (a null from the loader is not kept).
        return Optional.ofNullable(doors.get(doorId, id -> {
            var stored = store.door(id);
            if (stored.isEmpty()) {
                unknownDoors.put(id, Boolean.TRUE);
            }
            return stored.orElse(null);
        }));
    }

    /** The door as stored now, remembered from here on. */
    Optional<Door> reloadDoor(String doorId) {
        var door = store.door(doorId);
        door.ifPresentOrElse(
                found -> {
                    doors.put(doorId, found);
                    unknownDoors.invalidate(doorId);
                },
                () -> {
                    doors.invalidate(doorId);
                    unknownDoors.put(doorId, Boolean.TRUE);
                });
        return door;
    }

    /** How many doors and unknown door ids are remembered now (the latter bounded by max-refusals). */
    Remembered doorsRemembered() {
        doors.cleanUp();
        unknownDoors.cleanUp();
        return new Remembered(doors.estimatedSize(), unknownDoors.estimatedSize());
    }

    @Override
    public Optional<Building> building(String buildingId) {
        return buildings.get(buildingId, store::building);
    }

    @Override
    public Optional<Card> cardByNumber(String cardNumber) {
        var known = cards.getIfPresent(cardNumber);
        if (known != null) {
            return Optional.of(known);
        }
        if (unknownCards.getIfPresent(cardNumber) != null) {
            return Optional.empty();
        }
        var found = store.cardByNumber(cardNumber);
        found.ifPresentOrElse(this::remember, () -> unknownCards.put(cardNumber, Boolean.TRUE));
        return found;
    }

    private void remember(Card card) {
        numberOfCard.put(card.cardId(), card.cardNumber());
        if (card.employeeId() != null) {
            numbersOfEmployee
                    .computeIfAbsent(card.employeeId(), id -> ConcurrentHashMap.newKeySet())
                    .add(card.cardNumber());
        }
        cards.put(card.cardNumber(), card);
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return employees.get(employeeId, store::employee);
    }

    @Override
    public Optional<AccessGrant> grant(String employeeId, String buildingId) {
        return grants.get(employeeId, store::grantsOf).stream()
                .filter(grant -> grant.buildingId().equals(buildingId))
                .findFirst();
    }

    @Override
    public AntiPassback antiPassback(String buildingId) {
        return building(buildingId).map(Building::antiPassback).orElseGet(AntiPassback::hard);
    }

    @Override
    public Optional<Presence> presence(String employeeId, String buildingId) {
        return presences.recall(employeeId, buildingId);
    }

    /** Forgets every record {@code command} may have changed, so the next decision reads them again. */
    void forget(CommandRecord command) {
        if (command.employeeId() != null) {
            var employeeId = command.employeeId();
            employees.invalidate(employeeId);
            grants.invalidate(employeeId);
            var numbers = numbersOfEmployee.remove(employeeId);
            if (numbers != null) {
                cards.invalidateAll(numbers);
            }
        }
        var subject = command.subjectId();
        if (subject != null) {
            refusedKeys.forgetDoor(subject);
            doors.invalidate(subject);
            unknownDoors.invalidate(subject);
            buildings.invalidate(subject);
            var number = numberOfCard.remove(subject);
            if (number != null) {
                cards.invalidate(number);
            }
        }
        if ("IssueCard".equals(command.type()) || "LinkCard".equals(command.type())) {
            unknownCards.invalidateAll();
        }
    }

    /** Forgets everything: after a gap in the feed, when changes may have been missed. */
    void forgetAll() {
        refusedKeys.forgetAll();
        doors.invalidateAll();
        unknownDoors.invalidateAll();
        buildings.invalidateAll();
        employees.invalidateAll();
        grants.invalidateAll();
        cards.invalidateAll();
        unknownCards.invalidateAll();
        numberOfCard.clear();
        numbersOfEmployee.clear();
    }

    /** The sizes of the door memories. */
    record Remembered(long doors, long unknownDoors) {}
}
