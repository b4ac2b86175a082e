package io.badgeflow.admin.dashboard;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.door.SwipeQuery;
import io.badgeflow.model.paging.PageRequest;
import io.badgeflow.model.presence.PresenceLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard page's data for one building: today's door events (the swipe log, as the audit view reads it)
 * drawn as occupancy over the day, decisions per minute and denials by reason, plus the stream consumer's lag from
 * the metrics the services publish. "Today" is the building's day in its own time zone.
 */
@RestController
class ActivityController {

    /** The most events one answer reads (pages of the swipe log's largest size); a busier day is marked truncated. */
    static final int MAX_EVENTS = 20_000;

    private final SwipeHistory swipes;
    private final PresenceLedger presence;
    private final BackOfficeDirectory directory;
    private final ConsumerLagSource lag;
    private final Clock clock;

    ActivityController(
            SwipeHistory swipes,
            PresenceLedger presence,
            BackOfficeDirectory directory,
            ConsumerLagSource lag,
            Clock clock) {
        this.swipes = swipes;
        this.presence = presence;
        this.directory = directory;
        this.lag = lag;
        this.clock = clock;
    }

    @GetMapping("/api/v1/buildings/{buildingId}/activity")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    BuildingActivity activity(@PathVariable String buildingId) {
        Require.id("buildingId", buildingId);
        var building = directory.building(buildingId).orElseThrow(() -> NotFound.of("building", buildingId));
        var now = clock.instant();
        var zone = building.timeZone();
        var today = now.atZone(zone).toLocalDate();
        var startOfDay = today.atStartOfDay(zone).toInstant();
        var insideNow = presence.occupancy(buildingId);
        var events = new ArrayList<SwipeEntry>();
        var truncated = readDay(buildingId, startOfDay, now, events);
        var recentLag = lag.perMinute(now.minus(ActivityCharts.RECENT), now).orElse(null);
        return new BuildingActivity(
                buildingId,
                building.name(),
                zone.getId(),
                today,
                now,
                insideNow,
                ActivityCharts.occupancy(events, startOfDay, now, insideNow),
                ActivityCharts.decisionsPerMinute(events, now),
                ActivityCharts.denialsByReason(events),
                recentLag,
                truncated);
    }

    /** Reads the day's events into {@code into}, oldest first; true when it stopped at {@link #MAX_EVENTS}. */
    private boolean readDay(String buildingId, Instant from, Instant to, List<SwipeEntry> into) {
        // The swipe log takes [from, to) with to after from: just after midnight the day is a millisecond long.
        var until = to.isAfter(from) ? to : from.plus(Duration.ofMillis(1));
        var query = SwipeQuery.of(null, null, buildingId, from, until);
        String cursor = null;
        do {
            var page = swipes.find(query, new PageRequest(PageRequest.MAX_SIZE, cursor));
            into.addAll(page.items());
            cursor = page.next();
            if (into.size() >= MAX_EVENTS) {
                return cursor != null;
            }
        } while (cursor != null);
        return false;
    }
}
