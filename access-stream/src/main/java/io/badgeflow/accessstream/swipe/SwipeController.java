package io.badgeflow.accessstream.swipe;

import io.badgeflow.accessstream.decision.DoorGate;
import io.badgeflow.model.door.AnsweredEvents;
import io.badgeflow.model.door.SwipeAtDoor;
import io.badgeflow.model.door.SwipeIntake;
import io.badgeflow.model.door.SwipeRecorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where door devices report swipes. The device proves itself with its key; the event is accepted once the stream
 * holds it, so the answer is 202: storing it is the consumer's job. A repeat of an event id gets its first
 * receipt while this process remembers it; with another payload it is refused (409) and raises an alarm.
 */
@RestController
class SwipeController {

    static final String DOOR_KEY_HEADER = "X-Door-Key";

    private final DoorGate gate;
    private final SwipeIntake intake;
    private final AnsweredEvents<SwipeRecorded> answered;

    SwipeController(DoorGate gate, SwipeIntake intake, AnsweredEvents<SwipeRecorded> answered) {
        this.gate = gate;
        this.intake = intake;
        this.answered = answered;
    }

    // JSON only, as documented: the classpath also has a YAML converter, which must not open another way in.
    @PostMapping(
            path = "/door-api/v1/doors/{doorId}/swipes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    SwipeReceipt swipe(
            @PathVariable String doorId,
            @RequestHeader(name = DOOR_KEY_HEADER, required = false) String key,
            @RequestBody SwipeRequest request) {
        var door = gate.admit(doorId, key);
        var swipe = request.toSwipe();
        return SwipeReceipt.of(answered.answer(SwipeAtDoor.of(door, swipe), () -> intake.accept(door, swipe)));
    }
}
