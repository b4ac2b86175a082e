package io.badgeflow.accessstream.admission;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.LifoBlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.access.Deadline;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets at most {@code max-concurrent} decisions run at once, before anything of the request is read or any store
 * is asked. A request that finds every slot taken waits in a bounded backlog, newest first (under overload the
 * newest have the most budget left, the oldest are about to be given up on), at most {@code max-wait} and never
 * past its own deadline;
 * one that cannot get a slot in time, or whose deadline has passed, is refused at once ({@link
 * NotAdmittedException}, 503). The admitted request carries its {@link Deadline} to the decision, which checks it
 * again right before the presence write.
 */
public final class DecisionAdmission implements HandlerInterceptor {

    /** Milliseconds the reader still waits for this answer, counted from the request's arrival. */
    public static final String DEADLINE_HEADER = "X-Door-Deadline-Ms";

    /**
     * The shortest wait a reader may announce: less is no time to be answered across a network at all, so it is a
     * misconfigured reader (400), not an overload.
     */
    static final long MIN_DEADLINE_MILLIS = 100;

    /** The request attribute holding the admitted request's {@link Deadline}. */
    public static final String DEADLINE = "io.badgeflow.accessstream.admission.deadline";

    private static final String PERMIT = "io.badgeflow.accessstream.admission.permit";
    private static final String ADMITTED_NANOS = "io.badgeflow.accessstream.admission.admittedNanos";

    private final AccessStreamProperties.Admission settings;
    private final Clock clock;
    private final AbstractLimiter<Deadline> slots;
    private final Limiter<Deadline> limiter;
    private final ShedRequests shed;
    private final ServiceTimes serviceTimes = new ServiceTimes();

    DecisionAdmission(AccessStreamProperties.Admission settings, Clock clock, ShedRequests shed, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.shed = shed;
        this.slots = SimpleLimiter.newBuilder()
                .named("door-decisions")
                .limit(FixedLimit.of(settings.maxConcurrent()))
                .build();
        this.limiter = settings.backlog() == 0
                ? slots
                : LifoBlockingLimiter.newBuilder(slots)
                        .backlogSize(settings.backlog())
                        .backlogTimeout(
                                deadline -> Math.min(
                                        settings.maxWait().toMillis(),
                                        deadline.remaining(clock).toMillis()),
                                TimeUnit.MILLISECONDS)
                        .build();
        Gauge.builder("badgeflow.decisions.in-flight", slots, AbstractLimiter::getInflight)
                .description("decision requests admitted and not yet answered")
                .register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var deadline = deadlineOf(request);
        if (deadline.passed(clock)) {
            throw shed.refused(NotAdmittedException.Reason.EXPIRED);
        }
        var permit = limiter.acquire(deadline);
        if (permit.isEmpty()) {
            throw shed.refused(NotAdmittedException.Reason.FULL);
        }
        if (deadline.passed(clock)) {
            // A slot came free just as the wait ran out: too late to start a decision the reader will not see.
            permit.get().onIgnore();
            throw shed.refused(NotAdmittedException.Reason.EXPIRED);
        }
        request.setAttribute(PERMIT, permit.get());
        request.setAttribute(DEADLINE, deadline);
        request.setAttribute(ADMITTED_NANOS, System.nanoTime());
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (request.getAttribute(PERMIT) instanceof Limiter.Listener permit) {
            request.removeAttribute(PERMIT);
            if (failure == null && response.getStatus() < 500) {
                var now = System.nanoTime();
                if (request.getAttribute(ADMITTED_NANOS) instanceof Long admitted) {
                    serviceTimes.record(now - admitted, now);
                }
                permit.onSuccess();
            } else {
                permit.onIgnore();
            }
        }
    }

    /**
     * The last instant at which this request's decision may still start its write: arrival plus the reader's
     * budget, less what the write and the answer's way back need: the configured reserve, or what admitted
     * decisions took lately (their p99) when that is more, up to half the budget (beyond that the service is so slow
     * that keeping more back would refuse everything, and the check before the write still holds).
     */
    Deadline deadlineOf(HttpServletRequest request) {
        var budget = budget(request.getHeader(DEADLINE_HEADER));
        var now = System.nanoTime();
        var arrived = request.getAttribute(ArrivalValve.ARRIVED_NANOS) instanceof Long nanos ? nanos : now;
        var arrival = clock.instant().minusNanos(Math.max(0, now - arrived));
        var lately = Math.min(serviceTimes.p99(now), budget.toNanos() / 2);
        var reserve = Math.max(settings.answerReserve().toNanos(), lately);
        return Deadline.after(arrival, budget.minusNanos(reserve));
    }

    private Duration budget(String header) {
        if (header == null) {
            return settings.defaultDeadline();
        }
        var most = settings.maxDeadline().toMillis();
        var millis = header.matches("[0-9]{1,9}") ? Long.parseLong(header) : -1;
        if (millis < MIN_DEADLINE_MILLIS || millis > most) {
            throw new InvalidFieldException(
                    DEADLINE_HEADER,
                    "must be the whole milliseconds the reader still waits, " + MIN_DEADLINE_MILLIS + " to " + most);
        }
        return Duration.ofMillis(millis);
    }
}
