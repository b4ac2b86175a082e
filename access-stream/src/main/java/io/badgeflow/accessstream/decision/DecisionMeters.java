package io.badgeflow.accessstream.decision;

import io.badgeflow.model.access.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * What the door API's decisions publish: {@code badgeflow.decisions.latency} (the answer time as the reader sees it
 * once admitted, with its p50 and p99, which the monitoring stack alarms on) and {@code badgeflow.decisions} counted
 * by {@code outcome} and {@code reason} (two and twelve values: bounded, and no card, person or door id, which would
 * be both personal data and a dimension per card). A repeated event id answered from memory is timed but not counted
 * again.
 */
final class DecisionMeters {

    private final MeterRegistry meters;
    private final Timer latency;

    DecisionMeters(MeterRegistry meters) {
        this.meters = meters;
        this.latency = Timer.builder("badgeflow.decisions.latency")
                .description("From an admitted decision request to its answer")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    Decision timed(Supplier<Decision> answer) {
        return latency.record(answer);
    }

    void decided(Decision decision) {
        Counter.builder("badgeflow.decisions")
                .description("Door decisions made, by outcome and reason")
                .tag("outcome", decision.decision().name())
                .tag("reason", decision.reason().name())
                .register(meters)
                .increment();
    }
}
