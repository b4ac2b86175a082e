package io.badgeflow.aws.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A cheap check of one dependency whose last result is reused for a short while, so health requests (the load
 * balancer's, an operator's, a loop's) cannot hammer the dependency: at most one call per {@code ttl}, and callers
 * arriving meanwhile get the last result.
 */
public final class CachedProbe {

    /** One check; throws when the dependency cannot answer. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** The outcome of the last check: {@code failure} is null when it passed. */
    public record Result(boolean up, String failure, Instant checkedAt, Instant since) {}

    private final Check check;
    private final Duration ttl;
    private final Clock clock;
    private Result last;

    public CachedProbe(Check check, Duration ttl, Clock clock) {
        this.check = Objects.requireNonNull(check);
        this.ttl = Objects.requireNonNull(ttl);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The cached result, or a fresh one once the last is older than the time to live. */
    public synchronized Result result() {
        var now = clock.instant();
        if (last != null && now.isBefore(last.checkedAt().plus(ttl))) {
            return last;
        }
        String failure;
        try {
            check.run();
            failure = null;
        } catch (Exception e) {
            failure = describe(e);
        }
        boolean up = failure == null;
        var since = last != null && last.up() == up ? last.since() : now;
        last = new Result(up, failure, now, since);
        return last;
    }

    /** One line naming the failure's root cause, without a stack trace. */
    static String describe(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = root.getMessage();
        var name = root.getClass().getSimpleName();
        return message == null
                ? name
                : name + ": " + message.lines().findFirst().orElse("");
    }
}
