package io.badgeflow.cardevents.erasure;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.badgeflow.model.erasure.RetentionSweep;
import io.badgeflow.model.erasure.SweepSummary;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The erasure Lambda: an EventBridge schedule invokes it, and it erases the personal data of everyone offboarded
 * longer ago than the stage's retention ({@link RetentionSweep}). The event's content is not used: "now" is the
 * function's clock, so whoever may invoke it cannot move retention. Idempotent and resumable: a person erased by an
 * earlier or overlapping run is answered from the command log; a run that reached its limit says {@code more}
 * and the next scheduled run continues.
 */
@Component("eraseExpiredPeople")
class EraseExpiredPeopleFunction implements Function<ScheduledEvent, SweepSummary> {

    private static final Logger LOG = LoggerFactory.getLogger(EraseExpiredPeopleFunction.class);

    private final RetentionSweep sweep;

    EraseExpiredPeopleFunction(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public SweepSummary apply(ScheduledEvent event) {
        var summary = sweep.run();
        summary.failed().forEach(failure -> LOG.warn("erasure failed, left for the next run: {}", failure));
        LOG.info(
                "retention sweep: {} erased, {} already done, {} failed{}",
                summary.erased(),
                summary.alreadyDone(),
                summary.failed().size(),
                summary.more() ? ", more due (next run continues)" : "");
        return summary;
    }
}
