package io.badgeflow.model.alarm;

import java.util.List;
import java.util.Optional;

/**
 * Port: the alarms operators work through, as the alarm ledger stored them when they were raised, with their
 * handling. Lists are newest first (by {@code raisedAt}).
 */
public interface AlarmBoard {

    int MAX_LIMIT = 200;

    Optional<AlarmRecord> find(String alarmId);

    /** Alarms not resolved yet (open or acknowledged). */
    List<AlarmRecord> unresolved(int limit);

    List<AlarmRecord> atDoor(String doorId, int limit);

    List<AlarmRecord> inBuilding(String buildingId, int limit);

    /**
     * Stores {@code next} if the alarm is still in {@code expected}'s status.
     *
     * @throws AlarmTransitionRefusedException when someone else moved it first (the current status is read again)
     */
    void replace(String alarmId, AlarmHandling expected, AlarmHandling next);
}
