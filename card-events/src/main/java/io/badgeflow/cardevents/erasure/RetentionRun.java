package io.badgeflow.cardevents.erasure;

import io.badgeflow.model.erasure.OffboardingSummary;
import io.badgeflow.model.erasure.SweepSummary;

/**
 * What one run of the erasure Lambda did, in the order it did it: the visitors and contractors offboarded because
 * their days ended, then the people erased because their retention passed.
 */
public record RetentionRun(OffboardingSummary offboarding, SweepSummary erasure) {}
