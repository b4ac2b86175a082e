package io.badgeflow.admin.live;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.swipe.SwipeView;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.offline.DoorListStatuses;
import io.badgeflow.model.paging.PageRequest;
import io.badgeflow.model.presence.PresenceLedger;
import io.badgeflow.model.text.NaturalOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' live view, polled: {@code GET /api/v1/live?after=<next>} every few seconds with plain
 * {@code fetch}, so the access token travels in the Authorization header as for every other call (an
 * {@code EventSource} cannot set it) and the UI's strict CSP needs nothing new. Each answer holds every
 * building's occupancy and the latest door events across buildings in a short window, newest first; {@code next}
 * marks when it was read. The next poll reads again from a little before that mark, because events reach the
 * table through the stream some time after they occurred: an event is never missed for arriving late, and the
 * UI drops those it already shows by {@code eventId}.
 */
@RestController
class LiveController {

    /** How far back the first poll looks, and the most any poll does. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** How much earlier than the last mark a poll reads again, for events still on their way through the stream. */
    static final Duration OVERLAP = Duration.ofSeconds(30);
    /** Readers' clocks may run a little ahead of ours; their events are still shown. */
    static final Duration SKEW = Duration.ofMinutes(1);

    static final int MAX_EVENTS = 100;
    static final int MAX_BUILDINGS = 500;

    private final SwipeHistory swipes;
    private final PresenceLedger presence;
    private final BackOfficeDirectory directory;
    private final DoorListStatuses doorLists;
    private final Clock clock;

    LiveController(
            SwipeHistory swipes,
            PresenceLedger presence,
            BackOfficeDirectory directory,
            DoorListStatuses doorLists,
            Clock clock) {
        this.swipes = swipes;
        this.presence = presence;
        this.directory = directory;
        this.doorLists = doorLists;
        this.clock = clock;
    }

    @GetMapping("/api/v1/live")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    LiveView live(@RequestParam(required = false) String after) {
        var now = clock.instant();
        var since = now.minus(WINDOW);
        if (after != null && !after.isBlank()) {
            var mark = decode(after).minus(OVERLAP);
            since = mark.isAfter(since) ? mark : since;
        }
        var until = now.plus(SKEW);
        var occupancy = new ArrayList<BuildingOccupancy>();
        var events = new ArrayList<SwipeEntry>();
        var doors = new ArrayList<Door>();
        for (var building : buildings()) {
            occupancy.add(new BuildingOccupancy(
                    building.buildingId(), building.name(), presence.occupancy(building.buildingId())));
            events.addAll(swipes.latest(building.buildingId(), since, until, MAX_EVENTS));
            doors.addAll(directory.doorsOf(building.buildingId()));
        }
        var latest = events.stream()
                .sorted(Comparator.comparing(SwipeEntry::occurredAt).reversed().thenComparing(SwipeEntry::eventId))
                .limit(MAX_EVENTS)
                .toList();
        var views = SwipeView.page(latest, directory);
        var alarms = views.stream().filter(LiveController::isAlarm).toList();
        return new LiveView(now, encode(now), since, occupancy, views, alarms, doorLists(doors, now));
    }

    /** Each door's offline allow-list: the version it holds and the time since it was last confirmed current. */
    private List<DoorList> doorLists(List<Door> doors, Instant now) {
        var statuses = doorLists.of(doors.stream().map(Door::doorId).toList());
        var views = new ArrayList<DoorList>();
        for (var i = 0; i < doors.size(); i++) {
            var door = doors.get(i);
            var status = statuses.get(i);
            views.add(new DoorList(
                    door.doorId(),
                    door.buildingId(),
                    door.name(),
                    status.heldVersion() == 0 ? null : status.heldVersion(),
                    status.confirmedAt(),
                    status.age(now).map(Duration::toSeconds).orElse(null)));
        }
        return views;
    }

    private List<Building> buildings() {
        var buildings = new ArrayList<Building>();
        String cursor = null;
        do {
            var page = directory.buildings(new PageRequest(PageRequest.MAX_SIZE, cursor));
            buildings.addAll(page.items());
            cursor = page.next();
        } while (cursor != null && buildings.size() < MAX_BUILDINGS);
        buildings.sort(Comparator.comparing(Building::name, NaturalOrder.INSTANCE));
        return buildings;
    }

    /** An event security should look at: one that raised an alarm, or a door forced or held open. */
    static boolean isAlarm(SwipeView event) {
        return !event.alarms().isEmpty() || "FORCED".equals(event.doorState()) || "HELD_OPEN".equals(event.doorState());
    }

    static String encode(Instant mark) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Long.toString(mark.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
    }

    static Instant decode(String cursor) {
        try {
            return Instant.ofEpochMilli(
                    Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | java.time.DateTimeException notOurs) {
            throw new InvalidFieldException("after", "is not a mark this feed issued; poll again without one");
        }
    }

    /**
     * One poll's answer. {@code events} are newest first (at most 100) since {@code since}; {@code alarms} are
     * those among them that raised an alarm; {@code doorLists} every door's offline allow-list; pass {@code next}
     * as {@code after} on the next poll.
     */
    record LiveView(
            Instant asOf,
            String next,
            Instant since,
            List<BuildingOccupancy> buildings,
            List<SwipeView> events,
            List<SwipeView> alarms,
            List<DoorList> doorLists) {}

    /**
     * One door's offline allow-list as access-stream last heard of it: {@code version} the door holds (null if it
     * never reported one), when a fetch last confirmed it current, and the seconds since (its age; ALLOW_LIST_STALE
     * is raised past access-stream's {@code offline.stale-after}).
     */
    record DoorList(
            String doorId, String buildingId, String name, Long version, Instant confirmedAt, Long ageSeconds) {}

    /** How many are inside one building now. */
    record BuildingOccupancy(String buildingId, String name, long inside) {}
}
