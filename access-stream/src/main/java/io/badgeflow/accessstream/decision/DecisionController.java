package io.badgeflow.accessstream.decision;

import io.badgeflow.accessstream.admission.DecisionAdmission;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.access.Deadline;
import io.badgeflow.model.access.Decision;
import io.badgeflow.model.access.EntryDecisions;
import io.badgeflow.model.door.AnsweredEvents;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.SwipeAtDoor;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where readers ask whether to open. The device proves itself with its door's key; the answer comes once the
 * decision is committed (its presence written) and on the stream. A reader that lost an answer asks again with
 * the same event id and gets the same answer: from memory when it asks this process again (concurrent repeats
 * wait for the one answer), else decided again with the swipe's own recorded passage taken out (EntryDecisions),
 * while the stream consumer keeps the first record of an event id. An event id this process remembers for
 * another card, door, direction or time is refused (409) and raises EVENT_ID_REUSED (AnsweredEvents). Only
 * requests admitted within their reader's deadline get here (DecisionAdmission).
 *
 * <p>By the time a request reaches this method its source is within its rate, its door's key is proved
 * (DoorAuthentication) and it was admitted within its deadline (DecisionAdmission), in that order.
 */
@RestController
class DecisionController {

    static final String DOOR_KEY_HEADER = "X-Door-Key";
    /** How far ahead of this service's clock a reader's clock may run before its swipe is refused. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final EntryDecisions decisions;
    private final Clock clock;
    private final AnsweredEvents<Decision> answered;
    private final DecisionMeters meters;
    private final RevocationWatch revocations;

    DecisionController(
            EntryDecisions decisions,
            Clock clock,
            AnsweredEvents<Decision> answered,
            DecisionMeters meters,
            RevocationWatch revocations) {
        this.decisions = decisions;
        this.clock = clock;
        this.answered = answered;
        this.meters = meters;
        this.revocations = revocations;
    }

    // JSON only, as documented: the classpath also has a YAML converter, which must not open another way in.
    @PostMapping(
            path = "/door-api/v1/doors/{doorId}/decisions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    DecisionAnswer decide(
            @RequestAttribute(DoorAuthentication.DOOR) Door door,
            @RequestAttribute(name = DecisionAdmission.DEADLINE, required = false) Deadline deadline,
            @RequestBody DecisionRequest body) {
        var request = body.toEntryRequest(door.doorId());
        if (request.occurredAt().isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            throw new InvalidFieldException(
                    "occurredAt", "lies more than a minute ahead of the service's clock; check the reader's clock");
        }
        var payload = new SwipeAtDoor(
                request.eventId(),
                door.doorId(),
                door.buildingId(),
                request.cardNumber(),
                request.direction(),
                request.occurredAt());
        // Admission (DecisionAdmission) set the reader's deadline; the decision checks it again before its write.
        var until = deadline == null ? Deadline.NONE : deadline;
        return DecisionAnswer.of(meters.timed(() -> answered.answer(payload, () -> {
            var decision = decisions.decide(request, until);
            meters.decided(decision);
            revocations.decided(decision);
            return decision;
        })));
    }
}
