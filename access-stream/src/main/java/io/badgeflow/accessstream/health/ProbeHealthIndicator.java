package io.badgeflow.accessstream.health;

import io.badgeflow.aws.outage.CachedProbe;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One dependency's health from a {@link CachedProbe}: DOWN with the failure while the probe fails, UP again by
 * itself once it passes. The probe's cache keeps health requests from becoming load on the dependency.
 */
public final class ProbeHealthIndicator implements HealthIndicator {

    private final String target;
    private final CachedProbe probe;

    public ProbeHealthIndicator(String target, CachedProbe probe) {
        this.target = target;
        this.probe = probe;
    }

    @Override
    public Health health() {
        var result = probe.result();
        var health = result.up() ? Health.up() : Health.down().withDetail("error", result.failure());
        return health.withDetail("target", target)
                .withDetail("since", result.since().toString())
                .build();
    }
}
