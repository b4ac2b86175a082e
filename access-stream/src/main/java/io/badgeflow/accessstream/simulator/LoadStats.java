package io.badgeflow.accessstream.simulator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulation did: answers by reason, failures, and the decision latency of each answer, measured from
 * the moment the request was due (not when it was sent), so a stalled sender shows as latency rather than
 * hiding it (no coordinated omission).
 */
final class LoadStats {

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong forcedDoors = new AtomicLong();
    private long[] latenciesMicros = new long[1 << 16];
    private int latencyCount;

    void answered(String reason, long latencyNanos) {
        outcomes.computeIfAbsent(reason, r -> new LongAdder()).increment();
        synchronized (this) {
            if (latencyCount == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, latenciesMicros.length * 2);
            }
            latenciesMicros[latencyCount++] = latencyNanos / 1_000;
        }
    }

    void failed() {
        failures.incrementAndGet();
    }

    void forcedDoor() {
        forcedDoors.incrementAndGet();
    }

    long answered() {
        return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Counts and latency percentiles (milliseconds), as one flat map for a log line or a benchmark script. */
    synchronized Map<String, Object> summary(double seconds) {
        var summary = new LinkedHashMap<String, Object>();
        var answered = answered();
        summary.put("answered", answered);
        summary.put("failed", failures.get());
        summary.put("forcedDoors", forcedDoors.get());
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        summary.put("ratePerSecond", seconds > 0 ? Math.round(answered / seconds * 10) / 10.0 : 0);
        var sorted = Arrays.copyOf(latenciesMicros, latencyCount);
        Arrays.sort(sorted);
        summary.put("p50Ms", percentile(sorted, 0.50));
        summary.put("p99Ms", percentile(sorted, 0.99));
        summary.put("p999Ms", percentile(sorted, 0.999));
        summary.put("maxMs", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        var reasons = new TreeMap<String, Long>();
        outcomes.forEach((reason, count) -> reasons.put(reason, count.sum()));
        summary.put("reasons", reasons);
        return summary;
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        var index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
