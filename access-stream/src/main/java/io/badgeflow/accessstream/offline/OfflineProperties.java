package io.badgeflow.accessstream.offline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the doors' offline allow-lists are kept (docs/decisions/0016-offline-allow-list.md).
 *
 * @param recomputeAfter the longest a door's list is served without being made again, changes or not: the safety
 *     net for a change the command feed did not report, and what drops entries whose windows ended
 * @param settle for this long after a change the list is made again at every fetch, so a change the back office's
 *     indexes show a moment late still reaches the door
 * @param history how many earlier versions per door are kept to answer a delta from; older ones get the full list
 * @param maxDoors the most doors whose lists are kept in memory
 * @param staleAfter a door whose list was last confirmed current longer ago raises ALLOW_LIST_STALE
 * @param staleCheck how often the doors' lists are checked for staleness
 * @param statusFlush how often what the doors reported is written to their rows (the live page reads it there)
 * @param simulatorDoors the door simulator's doors run the door-controller library (200 ms deadline, offline
 *     fallback, list fetched every 5 s) instead of calling the decision API themselves; bin/run sets it, the
 *     benchmarks leave it off so they measure the API
 */
@ConfigurationProperties("badgeflow.access-stream.offline")
public record OfflineProperties(
        Duration recomputeAfter,
        Duration settle,
        int history,
        long maxDoors,
        Duration staleAfter,
        Duration staleCheck,
        Duration statusFlush,
        boolean simulatorDoors) {

    public OfflineProperties {
        recomputeAfter = positive("offline.recompute-after", recomputeAfter, Duration.ofMinutes(5));
        settle = positive("offline.settle", settle, Duration.ofSeconds(3));
        history = history == 0 ? 32 : history;
        if (history < 1 || history > 1_000) {
            throw new IllegalArgumentException("badgeflow.access-stream.offline.history must be 1-1000");
        }
        staleAfter = positive("offline.stale-after", staleAfter, Duration.ofMinutes(5));
        staleCheck = positive("offline.stale-check", staleCheck, Duration.ofSeconds(30));
        statusFlush = positive("offline.status-flush", statusFlush, Duration.ofSeconds(2));
        maxDoors = maxDoors == 0 ? 100_000 : maxDoors;
        if (maxDoors < 1) {
            throw new IllegalArgumentException("badgeflow.access-stream.offline.max-doors must be positive");
        }
    }

    private static Duration positive(String property, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("badgeflow.access-stream." + property + " must be positive");
        }
        return value;
    }
}
