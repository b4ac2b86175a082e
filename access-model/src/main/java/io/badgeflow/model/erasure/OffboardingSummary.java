package io.badgeflow.model.erasure;

import java.util.List;

/**
 * What one run of {@link EndedAffiliationOffboarding} did: people offboarded (a listing that still showed someone
 * offboarded by an earlier run counts them again, answered from the command log), the offboardings that failed or
 * were refused ({@code employeeId: why}, ids only), and whether ended people remain because the run reached its
 * limit.
 */
public record OffboardingSummary(int offboarded, List<String> failed, boolean more) {

    public OffboardingSummary {
        failed = List.copyOf(failed);
    }
}
