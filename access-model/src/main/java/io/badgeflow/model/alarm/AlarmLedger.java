package io.badgeflow.model.alarm;

import java.time.Instant;

/**
 * Port: which alarms have been published, and the per-door denial counts. It is what makes publishing
 * "once in effect" under at-least-once delivery: an alarm is marked after it was published, and a redelivered
 * event publishes only the alarms not marked yet.
 */
public interface AlarmLedger {

    /** @return true when the alarm with this id was published and marked before */
    boolean published(String alarmId);

    /** Records that the alarm was published; marking it again changes nothing that matters. */
    void markPublished(Alarm alarm);

    /**
     * Counts a denial at a door in the bucket starting at {@code bucketStart}. Counting the same event again
     * does not change the count, so a redelivery or replay cannot double-count.
     *
     * @param atLeast the count the caller cares about; an implementation may stop counting distinct events there
     * @return the number of distinct denied events counted in the bucket, at most {@code atLeast}
     */
    int countDenial(String doorId, Instant bucketStart, String eventId, int atLeast);
}
