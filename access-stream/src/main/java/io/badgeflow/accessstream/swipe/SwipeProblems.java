package io.badgeflow.accessstream.swipe;

import io.badgeflow.accessstream.limit.RateLimitedException;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.access.PresenceContentionException;
import io.badgeflow.model.door.EventIdReusedException;
import io.badgeflow.model.door.UnknownDeviceException;
import io.badgeflow.model.door.WrongDoorException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns failures of the door API (swipes and decisions) into RFC 9457 problem documents a device can act on: 401
 * (fix the key), 403 (the key of another door: fix the reader's configuration), 400 naming the field (fix the
 * firmware), 429 and 503 (retry after Retry-After, with the same event id). Details never carry stack traces or class names.
 */
@RestControllerAdvice
class SwipeProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SwipeProblems.class);

    @ExceptionHandler(UnknownDeviceException.class)
    ResponseEntity<ProblemDetail> unknownDevice(UnknownDeviceException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED,
                "Unknown door or missing or wrong " + SwipeController.DOOR_KEY_HEADER + " header.");
        problem.setTitle("Unknown device");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "DoorKey header=\"" + SwipeController.DOOR_KEY_HEADER + "\"")
                .body(problem);
    }

    @ExceptionHandler(WrongDoorException.class)
    ResponseEntity<ProblemDetail> wrongDoor(WrongDoorException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "The key presented belongs to another door: check which door this reader is configured for.");
        problem.setTitle("Wrong door");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(BodySizeLimit.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodySizeLimit.BodyTooLargeException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The body must be at most " + BodySizeLimit.MAX_BYTES + " bytes.");
        problem.setTitle("Body too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this door or address; retry after the Retry-After seconds.");
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(EventIdReusedException.class)
    ResponseEntity<ProblemDetail> eventIdReused(EventIdReusedException e) {
        LOG.warn("refused: {}", e.getMessage());
        for (var failure : e.getSuppressed()) {
            LOG.error("the EVENT_ID_REUSED alarm of event {} was not fully raised", e.eventId(), failure);
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "This eventId was used before for another swipe (card, door, direction or time); a new swipe needs"
                        + " a new eventId.");
        problem.setTitle("Event id reused");
        problem.setProperty("field", "eventId");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(PresenceContentionException.class)
    ResponseEntity<ProblemDetail> presenceContention(PresenceContentionException e) {
        LOG.warn("decision not answered: {}", e.getMessage());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Other passages of this person are being recorded right now; retry with the same eventId.");
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return ResponseEntity.badRequest().body(invalidSwipe(e.field(), e.getMessage()));
    }

    @ExceptionHandler(StreamUnavailableException.class)
    ResponseEntity<ProblemDetail> streamUnavailable(StreamUnavailableException e) {
        LOG.warn("swipe not accepted, the stream did not take it: {}", e.getMessage());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The swipe could not be stored right now; retry with the same eventId.");
        problem.setTitle("Stream unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /** A query string Tomcat cannot split into parameters (an empty name, a stray '='): the client's, not ours. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidParameterException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The query string is not a list of name=value parameters.");
        problem.setTitle("Invalid query");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("unexpected failure handling a door request", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected failure.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException field) {
                return invalidSwipe(field.field(), field.getMessage());
            }
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return invalidSwipe(
                    unknown.getPropertyName(),
                    "unknown field " + unknown.getPropertyName() + "; a swipe has eventId, cardNumber, direction and"
                            + " occurredAt");
        }
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            var field = fieldOf(mismatch);
            var target = mismatch.getTargetType();
            if (target != null && target.isEnum()) {
                var values = Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return invalidSwipe(field, field + " must be one of " + values);
            }
            return invalidSwipe(field, field + " has a value of the wrong type or format");
        }
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            var field = fieldOf(json);
            return invalidSwipe(field, field + " could not be read");
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not a JSON swipe.");
        problem.setTitle("Malformed swipe");
        return problem;
    }

    private static String fieldOf(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static ProblemDetail invalidSwipe(String field, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid swipe");
        problem.setProperty("field", field);
        return problem;
    }
}
