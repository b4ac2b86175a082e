package io.badgeflow.aws.outage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one log line per period for a failure that repeats on every request while a dependency is down: each
 * request still gets its answer, the log gets one line with the count of those left out since the last.
 */
public final class LogThrottle {

    private final long periodNanos;
    private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong leftOut = new AtomicLong();

    public LogThrottle(Duration period) {
        this.periodNanos = period.toNanos();
    }

    /** How many were left out since the last line, when a line is due now; -1 when this one is left out too. */
    public long due() {
        var now = System.nanoTime();
        var last = lastNanos.get();
        if ((last == Long.MIN_VALUE || now - last >= periodNanos) && lastNanos.compareAndSet(last, now)) {
            return leftOut.getAndSet(0);
        }
        leftOut.incrementAndGet();
        return -1;
    }
}
