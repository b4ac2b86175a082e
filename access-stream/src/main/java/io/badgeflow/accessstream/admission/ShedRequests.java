package io.badgeflow.accessstream.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the decision requests refused to protect the answer time ({@code badgeflow.decisions.shed}), by reason:
 * {@code full} (no slot within the deadline), {@code expired} (the deadline had passed at admission) and
 * {@code expired-before-write} (it passed during the decision, which then wrote nothing).
 */
final class ShedRequests {

    static final String METER = "badgeflow.decisions.shed";

    private final Counter full;
    private final Counter expired;
    private final Counter expiredBeforeWrite;

    ShedRequests(MeterRegistry meters) {
        this.full = counter(meters, NotAdmittedException.Reason.FULL.tag);
        this.expired = counter(meters, NotAdmittedException.Reason.EXPIRED.tag);
        this.expiredBeforeWrite = counter(meters, "expired-before-write");
    }

    NotAdmittedException refused(NotAdmittedException.Reason reason) {
        (reason == NotAdmittedException.Reason.FULL ? full : expired).increment();
        return new NotAdmittedException(reason);
    }

    void droppedBeforeWrite() {
        expiredBeforeWrite.increment();
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder(METER)
                .description("decision requests answered 503 so that the admitted ones meet their deadline")
                .tag("reason", reason)
                .register(meters);
    }
}
