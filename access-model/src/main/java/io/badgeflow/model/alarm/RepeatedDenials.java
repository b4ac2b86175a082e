package io.badgeflow.model.alarm;

import java.time.Duration;
import java.time.Instant;

/**
 * The REPEATED_DENIALS rule: {@code threshold} denied entries at one door within one fixed time bucket of
 * length {@code window}, counted by the events' own times. Fixed buckets (not a sliding window) make the count a
 * function of the events alone, whatever order or how often they arrive, so a replay raises the same alarm with
 * the same id. The price: a burst split by a bucket boundary may stay under the threshold on both sides.
 */
public record RepeatedDenials(int threshold, Duration window) {

    public static final RepeatedDenials DEFAULT = new RepeatedDenials(5, Duration.ofMinutes(5));

    public RepeatedDenials {
        if (threshold < 2 || threshold > 100) {
            throw new IllegalArgumentException("repeated-denials threshold must be 2-100");
        }
        if (window == null || window.toSeconds() < 1 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("repeated-denials window must be 1 s to 1 day");
        }
    }

    /** The start of the bucket {@code at} falls in: buckets are aligned to the epoch, so every process agrees. */
    public Instant bucketStart(Instant at) {
        var size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }
}
