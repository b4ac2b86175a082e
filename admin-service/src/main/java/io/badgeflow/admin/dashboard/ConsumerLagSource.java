package io.badgeflow.admin.dashboard;

import io.badgeflow.admin.dashboard.BuildingActivity.LagPoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the stream consumer's lag as published to the metrics store, per minute. */
public interface ConsumerLagSource {

    /** The lag per minute in {@code [from, to)}; empty when the metrics store is not configured or did not answer. */
    Optional<List<LagPoint>> perMinute(Instant from, Instant to);
}
