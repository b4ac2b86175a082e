package io.badgeflow.accessstream.kinesis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The stream consumer's health ({@code kcl}, in the readiness group): DOWN while Kinesis or DynamoDB do not answer
 * it or its scheduler is being replaced, UP again by itself. Reads what {@link KclWatch} last saw: no AWS call.
 */
final class KclHealthIndicator implements HealthIndicator {

    private final KclWatch watch;

    KclHealthIndicator(KclWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        var state = watch.state();
        var health = state.up() ? Health.up() : Health.down().withDetail("error", state.problem());
        return health.withDetail("since", state.since().toString())
                .withDetail("initialised", state.initialised())
                .withDetail("restarts", state.restarts())
                .build();
    }
}
