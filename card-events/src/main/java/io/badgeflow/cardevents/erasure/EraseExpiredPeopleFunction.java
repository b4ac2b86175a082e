package io.badgeflow.cardevents.erasure;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.badgeflow.model.erasure.EndedAffiliationOffboarding;
import io.badgeflow.model.erasure.RetentionSweep;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The erasure Lambda: an EventBridge schedule invokes it. It first offboards the visitors and contractors whose
 * days ended ({@link EndedAffiliationOffboarding}: nobody offboards them, so retention would never start for them),
 * then erases the personal data of everyone offboarded longer ago than the stage's retention ({@link
 * RetentionSweep}); someone offboarded by the first step is erased by a run once their retention has passed, like
 * an employee. The event's content is not used: "now" is the function's clock, so whoever may invoke it cannot
 * move retention. Idempotent and resumable: a person handled by an earlier or overlapping run is answered from the
 * command log; a step that reached its limit says {@code more} and the next scheduled run continues.
 */
@Component("eraseExpiredPeople")
class EraseExpiredPeopleFunction implements Function<ScheduledEvent, RetentionRun> {

    private static final Logger LOG = LoggerFactory.getLogger(EraseExpiredPeopleFunction.class);

    private final EndedAffiliationOffboarding offboarding;
    private final RetentionSweep sweep;

    EraseExpiredPeopleFunction(EndedAffiliationOffboarding offboarding, RetentionSweep sweep) {
        this.offboarding = offboarding;
        this.sweep = sweep;
    }

    @Override
    public RetentionRun apply(ScheduledEvent event) {
        var offboarded = offboarding.run();
        offboarded.failed().forEach(failure -> LOG.warn("offboarding failed, left for the next run: {}", failure));
        LOG.info(
                "ended visitors and contractors: {} offboarded, {} failed{}",
                offboarded.offboarded(),
                offboarded.failed().size(),
                offboarded.more() ? ", more due (next run continues)" : "");
        var summary = sweep.run();
        summary.failed().forEach(failure -> LOG.warn("erasure failed, left for the next run: {}", failure));
        LOG.info(
                "retention sweep: {} erased, {} already done, {} failed{}",
                summary.erased(),
                summary.alreadyDone(),
                summary.failed().size(),
                summary.more() ? ", more due (next run continues)" : "");
        return new RetentionRun(offboarded, summary);
    }
}
