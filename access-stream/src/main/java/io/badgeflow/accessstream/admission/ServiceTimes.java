package io.badgeflow.accessstream.admission;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long admitted decisions took lately (the p99 over the last few seconds): a decision that starts its write
 * with less time left than that would most likely answer after its reader gave up, so that much of the budget is
 * kept back (at least the configured reserve). Without recent samples it says nothing, so a quiet spell or a
 * stretch of refusals cannot lock admission out.
 */
final class ServiceTimes {

    private static final int SAMPLES = 512;
    private static final long WINDOW_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long RECOMPUTE_NANOS = Duration.ofMillis(200).toNanos();

    private final long[] took = new long[SAMPLES];
    private final long[] endedAt = new long[SAMPLES];
    private int next;
    private int filled;
    private volatile long p99;
    private volatile long computedAt = Long.MIN_VALUE / 2;

    synchronized void record(long tookNanos, long nowNanos) {
        took[next] = tookNanos;
        endedAt[next] = nowNanos;
        next = (next + 1) % SAMPLES;
        filled = Math.min(SAMPLES, filled + 1);
    }

    /** The recent p99 in nanoseconds, 0 without samples in the window; recomputed at most every 200 ms. */
    long p99(long nowNanos) {
        if (nowNanos - computedAt > RECOMPUTE_NANOS) {
            recompute(nowNanos);
        }
        return p99;
    }

    private synchronized void recompute(long nowNanos) {
        var recent = new long[filled];
        var count = 0;
        for (var i = 0; i < filled; i++) {
            if (nowNanos - endedAt[i] <= WINDOW_NANOS) {
                recent[count++] = took[i];
            }
        }
        if (count == 0) {
            p99 = 0;
        } else {
            Arrays.sort(recent, 0, count);
            p99 = recent[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)];
        }
        computedAt = nowNanos;
    }
}
