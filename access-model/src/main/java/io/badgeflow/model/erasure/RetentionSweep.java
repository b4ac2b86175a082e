package io.badgeflow.model.erasure;

import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.EraseEmployee;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Erases the personal data of everyone offboarded longer ago than the retention, without anyone acting: each
 * person through an {@link EraseEmployee} command applied like any other (same decision, same transaction, same
 * record) and appended to the admin audit chain. The command id is derived from the employee id, so a repeated
 * or overlapping run answers from the command log instead of erasing twice; a run stops after {@code limit}
 * people and the next one continues (erased people leave the listing).
 */
public final class RetentionSweep {

    /** Who the sweep's commands name as their actor (no staff user: retention acts by itself). */
    public static final String ACTOR = "retention-sweep";

    private static final int PAGE_SIZE = 100;

    private final OffboardedPeople people;
    private final CommandApplier applier;
    private final AdminAuditTrail audit;
    private final Clock clock;
    private final Duration retention;
    private final int limit;

    public RetentionSweep(
            OffboardedPeople people,
            CommandApplier applier,
            AdminAuditTrail audit,
            Clock clock,
            Duration retention,
            int limit) {
        this.people = Objects.requireNonNull(people, "people");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** The command id of the sweep's erasure of {@code employeeId}: the same on every run. */
    public static String commandIdFor(String employeeId) {
        return "erasure:" + employeeId;
    }

    public SweepSummary run() {
        var now = clock.instant();
        var cutoff = now.minus(retention);
        var reason = "retention of " + retention + " after offboarding has passed";
        int erased = 0;
        int alreadyDone = 0;
        var failed = new ArrayList<String>();
        String cursor = null;
        do {
            var page = people.offboardedBefore(cutoff, new PageRequest(PAGE_SIZE, cursor));
            for (var employeeId : page.items()) {
                if (erased + alreadyDone + failed.size() >= limit) {
                    return new SweepSummary(erased, alreadyDone, failed, true);
                }
                try {
                    var command = new EraseEmployee(commandIdFor(employeeId), ACTOR, now, employeeId, reason);
                    var record = applier.apply(command, null);
                    audit.append(record.commandId(), List.of(AuditEntry.of(record)));
                    if (record.status() == CommandStatus.APPLIED) {
                        erased++;
                    } else {
                        alreadyDone++;
                    }
                } catch (RuntimeException e) {
                    // one person's failure (contention, a throttled table) must not hold back the others
                    failed.add(employeeId + ": " + e);
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return new SweepSummary(erased, alreadyDone, failed, false);
    }
}
