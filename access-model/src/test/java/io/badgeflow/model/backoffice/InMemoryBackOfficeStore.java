package io.badgeflow.model.backoffice;

import io.badgeflow.model.backoffice.Change.Claim;
import io.badgeflow.model.backoffice.Change.DeleteGrant;
import io.badgeflow.model.backoffice.Change.Release;
import io.badgeflow.model.backoffice.Change.SaveBuilding;
import io.badgeflow.model.backoffice.Change.SaveCard;
import io.badgeflow.model.backoffice.Change.SaveDoor;
import io.badgeflow.model.backoffice.Change.SaveEmployee;
import io.badgeflow.model.backoffice.Change.SaveGrant;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The store's contract in memory, for domain tests: every condition the DynamoDB adapter puts on a
 * transaction is checked here first, and a failed check writes nothing. {@link #beforeNextCommit} lets a
 * test change state between a decision and its commit, as a concurrent writer would;
 * {@link #beforeEveryCommit} makes every commit fail. Synchronised, as imports call it from several threads.
 */
public final class InMemoryBackOfficeStore implements BackOfficeStore, CommandLog {

    final Map<String, Employee> employees = new HashMap<>();
    final Map<String, Card> cards = new HashMap<>();
    final Map<String, Building> buildings = new HashMap<>();
    final Map<String, Door> doors = new HashMap<>();
    final Map<String, AccessGrant> grants = new TreeMap<>();
    final Map<String, String> claims = new HashMap<>();
    final Map<String, CommandRecord> records = new HashMap<>();
    int commits;
    private Runnable beforeNextCommit;
    private Runnable beforeEveryCommit = () -> {};

    void beforeNextCommit(Runnable interference) {
        beforeNextCommit = interference;
    }

    public void beforeEveryCommit(Runnable interference) {
        beforeEveryCommit = interference;
    }

    /** A copy of the stored employees, for comparing states. */
    public synchronized Map<String, Employee> employees() {
        return Map.copyOf(employees);
    }

    @Override
    public synchronized Optional<Employee> employee(String employeeId) {
        return Optional.ofNullable(employees.get(employeeId));
    }

    @Override
    public synchronized Optional<Card> card(String cardId) {
        return Optional.ofNullable(cards.get(cardId));
    }

    @Override
    public synchronized Optional<Building> building(String buildingId) {
        return Optional.ofNullable(buildings.get(buildingId));
    }

    @Override
    public synchronized Optional<Door> door(String doorId) {
        return Optional.ofNullable(doors.get(doorId));
    }

    @Override
    public synchronized Optional<AccessGrant> grant(String employeeId, String buildingId) {
        return Optional.ofNullable(grants.get(grantKey(employeeId, buildingId)));
    }

    @Override
    public synchronized List<AccessGrant> grantsOf(String employeeId) {
        return grants.values().stream()
                .filter(g -> g.employeeId().equals(employeeId))
                .toList();
    }

    @Override
    public synchronized Optional<CommandRecord> find(String commandId) {
        return Optional.ofNullable(records.get(commandId));
    }

    @Override
    public synchronized void commit(List<Change> changes, List<CommandRecord> toRecord) {
        beforeEveryCommit.run();
        if (beforeNextCommit != null) {
            var interference = beforeNextCommit;
            beforeNextCommit = null;
            interference.run();
        }
        for (var record : toRecord) {
            if (records.containsKey(record.commandId())) {
                throw new AlreadyRecordedException(record.commandId());
            }
        }
        var items = new java.util.HashSet<String>();
        for (var change : changes) {
            if (!items.add(itemKey(change))) {
                throw new IllegalArgumentException("two changes of one item in one transaction: " + change);
            }
        }
        for (var change : changes) {
            check(change);
        }
        var writes = new ArrayList<Runnable>();
        for (var change : changes) {
            writes.add(write(change));
        }
        writes.forEach(Runnable::run);
        toRecord.forEach(record -> records.put(record.commandId(), record));
        commits++;
    }

    private void check(Change change) {
        switch (change) {
            case SaveEmployee c ->
                expectVersion(
                        employees.get(c.employee().employeeId()), c.employee().version());
            case SaveCard c ->
                expectVersion(cards.get(c.card().cardId()), c.card().version());
            case SaveBuilding c ->
                expectVersion(
                        buildings.get(c.building().buildingId()), c.building().version());
            case SaveDoor c ->
                expectVersion(doors.get(c.door().doorId()), c.door().version());
            case SaveGrant c ->
                expectVersion(grants.get(grantKey(c.grant())), c.grant().version());
            case DeleteGrant c -> {
                var stored = grants.get(grantKey(c.grant()));
                if (stored == null || stored.version() != c.grant().version()) {
                    throw new ConcurrentChangeException("grant moved");
                }
            }
            case Claim c -> {
                var owner = claims.get(claimKey(c.kind(), c.value()));
                if (owner != null && !owner.equals(c.ownerId())) {
                    throw new ValueTakenException(c.kind(), c.kind() + " " + c.value() + " is held by " + owner);
                }
            }
            case Release c -> {}
        }
    }

    private Runnable write(Change change) {
        return switch (change) {
            case SaveEmployee c -> () -> employees.put(c.employee().employeeId(), c.employee());
            case SaveCard c -> () -> cards.put(c.card().cardId(), c.card());
            case SaveBuilding c -> () -> buildings.put(c.building().buildingId(), c.building());
            case SaveDoor c -> () -> doors.put(c.door().doorId(), c.door());
            case SaveGrant c -> () -> grants.put(grantKey(c.grant()), c.grant());
            case DeleteGrant c -> () -> grants.remove(grantKey(c.grant()));
            case Claim c -> () -> claims.put(claimKey(c.kind(), c.value()), c.ownerId());
            case Release c -> () -> claims.remove(claimKey(c.kind(), c.value()), c.ownerId());
        };
    }

    private static String itemKey(Change change) {
        return switch (change) {
            case SaveEmployee c -> "employee/" + c.employee().employeeId();
            case SaveCard c -> "card/" + c.card().cardId();
            case SaveBuilding c -> "building/" + c.building().buildingId();
            case SaveDoor c -> "door/" + c.door().doorId();
            case SaveGrant c -> "grant/" + grantKey(c.grant());
            case DeleteGrant c -> "grant/" + grantKey(c.grant());
            case Claim c -> "claim/" + claimKey(c.kind(), c.value());
            case Release c -> "claim/" + claimKey(c.kind(), c.value());
        };
    }

    private static void expectVersion(Object stored, long next) {
        long storedVersion = switch (stored) {
            case null -> 0;
            case Employee e -> e.version();
            case Card c -> c.version();
            case Building b -> b.version();
            case Door d -> d.version();
            case AccessGrant g -> g.version();
            default -> throw new IllegalArgumentException(stored.toString());
        };
        if (storedVersion != next - 1) {
            throw new ConcurrentChangeException("stored version " + storedVersion + ", decided on " + (next - 1));
        }
    }

    private static String grantKey(AccessGrant grant) {
        return grantKey(grant.employeeId(), grant.buildingId());
    }

    private static String grantKey(String employeeId, String buildingId) {
        return employeeId + "/" + buildingId;
    }

    private static String claimKey(UniqueKind kind, String value) {
        return kind + "/" + value;
    }
}
