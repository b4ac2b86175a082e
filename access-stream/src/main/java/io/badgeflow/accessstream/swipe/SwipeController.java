package io.badgeflow.accessstream.swipe;

import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.SwipeIntake;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where door devices report swipes. The device proves itself with its key; the event is accepted once the stream
 * holds it, so the answer is 202: storing it is the consumer's job.
 */
@RestController
class SwipeController {

    static final String DOOR_KEY_HEADER = "X-Door-Key";

    private final SwipeIntake intake;

    SwipeController(SwipeIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/door-api/v1/doors/{doorId}/swipes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SwipeReceipt swipe(
            @PathVariable String doorId,
            @RequestHeader(name = DOOR_KEY_HEADER, required = false) String key,
            @RequestBody SwipeRequest request) {
        return SwipeReceipt.of(intake.accept(doorId, DeviceKey.presented(key), request.toSwipe()));
    }
}
