package io.badgeflow.accessstream.aws;

import io.badgeflow.aws.outage.LogThrottle;
import io.badgeflow.aws.outage.Outages;
import java.net.ConnectException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A store that cannot answer right now (DynamoDB, Kinesis, S3 unreachable, failing or throttling) is answered with
 * 503 and {@code Retry-After}, not 500: the device keeps the swipe and asks again with the same event id, which is
 * decided and recorded once. Ordered before {@code SwipeProblems}, whose catch-all would otherwise take these. An
 * AWS failure that is not an outage stays an internal error.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DependencyUnavailableProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DependencyUnavailableProblems.class);

    private final String retryAfterSeconds;
    private final LogThrottle logThrottle = new LogThrottle(Duration.ofSeconds(10));

    DependencyUnavailableProblems(@Value("${badgeflow.outage.retry-after:2s}") Duration retryAfter) {
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    @ExceptionHandler({SdkException.class, ConnectException.class})
    ResponseEntity<ProblemDetail> dependencyFailed(Exception failure) {
        var outage = Outages.dependencyFailure(failure);
        if (outage.isEmpty()) {
            LOG.error("unexpected failure handling a door request", failure);
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected failure.");
            problem.setTitle("Internal error");
            return ResponseEntity.internalServerError().body(problem);
        }
        // One line per 10 s, no stack trace: during an outage every request fails the same way; health says which.
        var leftOut = logThrottle.due();
        if (leftOut >= 0) {
            LOG.warn(
                    "door request answered 503, a store did not answer: {} ({} more such answers since the last line)",
                    outage.get().toString().lines().findFirst().orElse(""),
                    leftOut);
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "A store this request needs is not answering right now; retry with the same eventId after "
                        + retryAfterSeconds + " s.");
        problem.setTitle("Dependency unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(problem);
    }
}
