package io.badgeflow.accessstream.admission;

import io.badgeflow.model.access.DeadlinePassedException;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A decision refused to keep the answer time is a 503 with {@code Retry-After}: the reader keeps the card's
 * owner waiting no longer than its deadline and may ask again with the same event id, which nothing was recorded
 * for. Ordered before {@code SwipeProblems}, whose catch-all would otherwise take these. No log line per refusal:
 * under overload there are thousands; the shed counter tells how many.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OverloadProblems {

    private final String retryAfterSeconds;
    private final ObjectProvider<ShedRequests> shed;

    /** The counter is absent from web slice tests, which load advice but not configuration. */
    OverloadProblems(
            @Value("${badgeflow.access-stream.admission.retry-after:1s}") Duration retryAfter,
            ObjectProvider<ShedRequests> shed) {
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
        this.shed = shed;
    }

    @ExceptionHandler(NotAdmittedException.class)
    ResponseEntity<ProblemDetail> notAdmitted(NotAdmittedException e) {
        return e.reason() == NotAdmittedException.Reason.FULL
                ? unavailable(
                        "Overloaded",
                        "Too many decisions are being made right now to answer this one within its deadline; retry"
                                + " with the same eventId.")
                : deadlinePassed();
    }

    @ExceptionHandler(DeadlinePassedException.class)
    ResponseEntity<ProblemDetail> deadlinePassedBeforeWrite(DeadlinePassedException e) {
        shed.ifAvailable(ShedRequests::droppedBeforeWrite);
        return deadlinePassed();
    }

    private ResponseEntity<ProblemDetail> deadlinePassed() {
        return unavailable(
                "Deadline passed",
                "The reader's deadline (" + DecisionAdmission.DEADLINE_HEADER + ") passed before the decision could"
                        + " be committed; nothing was recorded. Retry with the same eventId.");
    }

    private ResponseEntity<ProblemDetail> unavailable(String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(problem);
    }
}
