package io.badgeflow.accessstream.offline;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorEventStream;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.door.SwipeIntake;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a door uploads the decisions it made offline (docs/contracts.md): each goes on the door event stream as an
 * {@link EntryDecided} or {@link ExitRecorded} marked {@code offline}, with the door's outcome, reason and rule and
 * its original time, so the stream consumer records it and projects presence from it like any passage. The card
 * and employee are resolved here, from the decision path's memory. The whole batch is checked before any of it is
 * published; an upload repeated (a lost answer) publishes the same event ids again, and the consumer keeps the
 * first record of each. The door API's body limit (4096 bytes) holds here too: a door sends its buffer in batches
 * that fit.
 */
// Only where the door API is served: its beans (OfflineConfiguration) exist only there.
@ConditionalOnWebApplication
@RestController
class OfflineDecisionController {

    /** At most this many decisions per upload; the body limit usually stops a batch first. */
    static final int MAX_BATCH = 50;
    /** Older offline decisions are refused: the swipe log keeps nothing older for long anyway. */
    static final Duration MAX_AGE = Duration.ofDays(30);

    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final SwipeIntake doors;
    private final AccessFacts facts;
    private final DoorEventStream stream;
    private final Clock clock;

    OfflineDecisionController(SwipeIntake doors, AccessFacts facts, DoorEventStream stream, Clock clock) {
        this.doors = doors;
        this.facts = facts;
        this.stream = stream;
        this.clock = clock;
    }

    @PostMapping(
            path = "/door-api/v1/doors/{doorId}/offline-decisions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    OfflineReceipt upload(
            @PathVariable String doorId,
            @RequestHeader(name = AllowListController.DOOR_KEY_HEADER, required = false) String key,
            @RequestBody OfflineDecisionUpload body) {
        var door = doors.authenticate(doorId, DeviceKey.presented(key));
        var items = body.decisions();
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            throw new InvalidFieldException("decisions", "must hold 1 to " + MAX_BATCH + " decisions");
        }
        var events = new ArrayList<DoorEvent>();
        for (var i = 0; i < items.size(); i++) {
            try {
                events.add(event(door, items.get(i)));
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException(
                        "decisions[" + i + "]." + e.field(),
                        e.getMessage().substring(e.field().length()).strip());
            }
        }
        events.forEach(stream::publish);
        return new OfflineReceipt(
                door.doorId(),
                events.size(),
                events.stream().map(DoorEvent::eventId).toList());
    }

    private DoorEvent event(Door door, OfflineDecisionUpload.Item item) {
        if (item == null) {
            throw new InvalidFieldException("eventId", "is required: the item is null");
        }
        var eventId = Require.id("eventId", item.eventId());
        var cardNumber = Require.id("cardNumber", item.cardNumber());
        var direction = Direction.named(item.direction());
        var occurredAt = Require.instant("occurredAt", item.occurredAt());
        var now = clock.instant();
        if (occurredAt.isAfter(now.plus(CLOCK_TOLERANCE)) || occurredAt.isBefore(now.minus(MAX_AGE))) {
            throw new InvalidFieldException(
                    "occurredAt", "must lie within the last 30 days and at most a minute ahead of the service's clock");
        }
        var card = facts.cardByNumber(cardNumber);
        var cardId = card.map(Card::cardId).orElse(null);
        var employeeId = card.map(Card::employeeId).orElse(null);
        if (direction == Direction.OUT) {
            return new ExitRecorded(
                    eventId,
                    door.doorId(),
                    door.buildingId(),
                    cardNumber,
                    cardId,
                    employeeId,
                    List.of(),
                    occurredAt,
                    now,
                    true);
        }
        var outcome = named("decision", item.decision(), Outcome.class);
        var reason = named("reason", item.reason(), DecisionReason.class);
        return new EntryDecided(
                eventId,
                door.doorId(),
                door.buildingId(),
                cardNumber,
                direction,
                cardId,
                null, // its status now would say nothing about the moment the door decided
                employeeId,
                outcome,
                reason,
                item.rule(),
                item.policyVersion(),
                List.of(),
                occurredAt,
                now,
                true);
    }

    private static <E extends Enum<E>> E named(String field, String value, Class<E> type) {
        return Optional.ofNullable(value)
                .flatMap(name -> java.util.Arrays.stream(type.getEnumConstants())
                        .filter(constant -> constant.name().equals(name))
                        .findFirst())
                .orElseThrow(
                        () -> new InvalidFieldException(field, "must be one of " + List.of(type.getEnumConstants())));
    }

    /** The events put on the stream, by id. */
    record OfflineReceipt(String doorId, int accepted, List<String> eventIds) {}
}
