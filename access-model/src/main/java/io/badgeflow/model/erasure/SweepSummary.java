package io.badgeflow.model.erasure;

import java.util.List;

/**
 * What one retention sweep did: people erased now, people found erased already (a repeated run or an admin's
 * erasure crossing it), the erasures that failed ({@code employeeId: why}, ids only) and are left for the next
 * run, and whether due people remain because the run reached its limit.
 */
public record SweepSummary(int erased, int alreadyDone, List<String> failed, boolean more) {

    public SweepSummary {
        failed = List.copyOf(failed);
    }
}
