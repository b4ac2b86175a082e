package io.badgeflow.model.erasure;

import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offboards the visitors and contractors whose days are over, so that the retention clock starts for them as it
 * does for an offboarded employee: a visitor's badge stops opening doors after the last visit day by itself, and a
 * contractor's after the end date, but neither was ever offboarded, so {@link RetentionSweep} never erased them.
 *
 * <p>Each person goes through an {@link OffboardEmployee} command applied like an admin's (badge revoked, grants
 * removed, number freed, one transaction, one command record) and appended to the admin audit chain with
 * {@link RetentionSweep#ACTOR} as actor. The command id is derived from the person, so a repeated or overlapping
 * run is answered from the command log; a run stops after {@code limit} people and the next one continues.
 *
 * <p>The days are local dates of the building entered, and a person is not tied to one zone; rather than read
 * every building's zone, a day counts as over once it has ended in every zone: the last day must lie before the
 * UTC date one day ago ({@link #GRACE}). A visit on 8 December is thus offboarded by the first run from 10
 * December 00:00 UTC (8 December ends at 9 December 12:00 UTC in the westernmost zone, UTC-12).
 */
public final class EndedAffiliationOffboarding {

    /** How long after a last day's end in UTC a person stays on: covers every zone west of UTC. */
    public static final Duration GRACE = Duration.ofDays(1);

    private static final int PAGE_SIZE = 100;
    private static final List<Affiliation.Kind> KINDS = List.of(Affiliation.Kind.VISITOR, Affiliation.Kind.CONTRACTOR);

    private final EndedAffiliations ended;
    private final CommandApplier applier;
    private final AdminAuditTrail audit;
    private final Clock clock;
    private final int limit;

    public EndedAffiliationOffboarding(
            EndedAffiliations ended, CommandApplier applier, AdminAuditTrail audit, Clock clock, int limit) {
        this.ended = Objects.requireNonNull(ended, "ended");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** The command id of the offboarding of {@code employeeId} once their days ended: the same on every run. */
    public static String commandIdFor(String employeeId) {
        return "affiliation-ended:" + employeeId;
    }

    /** The first day whose people are not offboarded at {@code clock}'s now: last days before it are over. */
    public static LocalDate firstDayKept(Clock clock) {
        return LocalDate.ofInstant(clock.instant().minus(GRACE), ZoneOffset.UTC);
    }

    public OffboardingSummary run() {
        var now = clock.instant();
        var before = firstDayKept(clock);
        int offboarded = 0;
        var failed = new ArrayList<String>();
        for (var kind : KINDS) {
            String cursor = null;
            do {
                var page = ended.endedBefore(kind, before, new PageRequest(PAGE_SIZE, cursor));
                for (var employeeId : page.items()) {
                    if (offboarded + failed.size() >= limit) {
                        return new OffboardingSummary(offboarded, failed, true);
                    }
                    try {
                        var command =
                                new OffboardEmployee(commandIdFor(employeeId), RetentionSweep.ACTOR, now, employeeId);
                        var record = applier.apply(command, null);
                        audit.append(record.commandId(), List.of(AuditEntry.of(record)));
                        if (record.status() == CommandStatus.APPLIED) {
                            offboarded++; // now, or by an earlier run the listing has not caught up with
                        } else {
                            // refused for good (the log answers every later run the same): say so, ids only
                            failed.add(employeeId + ": " + record.status() + " " + record.reason());
                        }
                    } catch (RuntimeException e) {
                        // one person's failure (contention, a throttled table) must not hold back the others
                        failed.add(employeeId + ": " + e);
                    }
                }
                cursor = page.next();
            } while (cursor != null);
        }
        return new OffboardingSummary(offboarded, failed, false);
    }
}
