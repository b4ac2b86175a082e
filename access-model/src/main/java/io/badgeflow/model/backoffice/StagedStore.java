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
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A store seen through changes not yet written, so several commands can be decided one after the other and
 * committed as one transaction. Reads answer from the staged changes first; {@link #merged()} turns them into
 * one write per item, each conditioned on the version stored before the first staged change.
 */
final class StagedStore implements BackOfficeStore {

    private final BackOfficeStore stored;
    private final BuildingCache buildingCache;
    private final Set<String> minted;
    private final Map<String, Staged<Employee>> employees = new LinkedHashMap<>();
    private final Map<String, Staged<Card>> cards = new LinkedHashMap<>();
    private final Map<String, Staged<Building>> buildings = new LinkedHashMap<>();
    private final Map<String, Staged<Door>> doors = new LinkedHashMap<>();
    private final Map<String, Staged<AccessGrant>> grants = new LinkedHashMap<>();
    private final Set<Change> claims = new LinkedHashSet<>();

    /** The latest staged value (the last one seen, when deleted) and the version stored before this transaction. */
    private record Staged<T>(T value, boolean deleted, long storedVersion) {}

    /**
     * @param minted ids the caller just made up for records this group creates (an import row's employee and
     *        card): presumed absent without a read; if one exists after all, the commit's condition says so
     */
    StagedStore(BackOfficeStore stored, BuildingCache buildingCache, Set<String> minted) {
        this.stored = stored;
        this.buildingCache = buildingCache;
        this.minted = minted;
    }

    void stage(List<Change> changes) {
        for (var change : changes) {
            switch (change) {
                case SaveEmployee c ->
                    put(
                            employees,
                            c.employee().employeeId(),
                            c.employee(),
                            c.employee().version());
                case SaveCard c ->
                    put(cards, c.card().cardId(), c.card(), c.card().version());
                case SaveBuilding c ->
                    put(
                            buildings,
                            c.building().buildingId(),
                            c.building(),
                            c.building().version());
                case SaveDoor c ->
                    put(doors, c.door().doorId(), c.door(), c.door().version());
                case SaveGrant c ->
                    put(grants, grantKey(c.grant()), c.grant(), c.grant().version());
                case DeleteGrant c -> {
                    var key = grantKey(c.grant());
                    var before = grants.get(key);
                    grants.put(
                            key,
                            new Staged<>(
                                    c.grant(), true, before == null ? c.grant().version() : before.storedVersion()));
                }
                case Claim c -> claims.add(c);
                case Release c -> claims.add(c);
            }
        }
    }

    /** One write per item: the last staged value, stored as the version after the one stored before. */
    List<Change> merged() {
        var changes = new ArrayList<Change>();
        employees.values().forEach(s -> changes.add(new SaveEmployee(s.value().atVersion(s.storedVersion() + 1))));
        cards.values().forEach(s -> changes.add(new SaveCard(s.value().atVersion(s.storedVersion() + 1))));
        buildings.values().forEach(s -> changes.add(new SaveBuilding(s.value().atVersion(s.storedVersion() + 1))));
        doors.values().forEach(s -> changes.add(new SaveDoor(s.value().atVersion(s.storedVersion() + 1))));
        for (var staged : grants.values()) {
            if (!staged.deleted()) {
                changes.add(new SaveGrant(staged.value().atVersion(staged.storedVersion() + 1)));
            } else if (staged.storedVersion() > 0) {
                changes.add(new DeleteGrant(staged.value().atVersion(staged.storedVersion())));
            }
        }
        changes.addAll(claims);
        return changes;
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        var staged = employees.get(employeeId);
        if (staged != null) {
            return Optional.of(staged.value());
        }
        return minted.contains(employeeId) ? Optional.empty() : stored.employee(employeeId);
    }

    @Override
    public Optional<Card> card(String cardId) {
        var staged = cards.get(cardId);
        if (staged != null) {
            return Optional.of(staged.value());
        }
        return minted.contains(cardId) ? Optional.empty() : stored.card(cardId);
    }

    @Override
    public Optional<Building> building(String buildingId) {
        var staged = buildings.get(buildingId);
        return staged != null ? Optional.of(staged.value()) : buildingCache.building(buildingId, stored);
    }

    @Override
    public Optional<Door> door(String doorId) {
        var staged = doors.get(doorId);
        return staged != null ? Optional.of(staged.value()) : stored.door(doorId);
    }

    @Override
    public Optional<AccessGrant> grant(String employeeId, String buildingId) {
        var staged = grants.get(employeeId + "/" + buildingId);
        if (staged != null) {
            return staged.deleted() ? Optional.empty() : Optional.of(staged.value());
        }
        return isNewHere(employeeId) ? Optional.empty() : stored.grant(employeeId, buildingId);
    }

    @Override
    public List<AccessGrant> grantsOf(String employeeId) {
        var result = new LinkedHashMap<String, AccessGrant>();
        if (!isNewHere(employeeId)) {
            stored.grantsOf(employeeId).forEach(g -> result.put(grantKey(g), g));
        }
        grants.forEach((key, staged) -> {
            if (key.startsWith(employeeId + "/")) {
                if (staged.deleted()) {
                    result.remove(key);
                } else {
                    result.put(key, staged.value());
                }
            }
        });
        return List.copyOf(result.values());
    }

    @Override
    public void commit(List<Change> changes, List<CommandRecord> records) {
        throw new UnsupportedOperationException("staged changes are committed through the store they stage for");
    }

    /** An employee first written in this transaction has nothing stored yet: no need to ask the table. */
    private boolean isNewHere(String employeeId) {
        var staged = employees.get(employeeId);
        return staged != null && staged.storedVersion() == 0;
    }

    private static <T> void put(Map<String, Staged<T>> staged, String key, T value, long version) {
        var before = staged.get(key);
        staged.put(key, new Staged<>(value, false, before == null ? version - 1 : before.storedVersion()));
    }

    private static String grantKey(AccessGrant grant) {
        return grant.employeeId() + "/" + grant.buildingId();
    }
}
