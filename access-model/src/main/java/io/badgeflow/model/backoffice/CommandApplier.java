package io.badgeflow.model.backoffice;

import io.badgeflow.model.backoffice.BackOfficeStore.AlreadyRecordedException;
import io.badgeflow.model.backoffice.BackOfficeStore.ConcurrentChangeException;
import io.badgeflow.model.backoffice.BackOfficeStore.ValueTakenException;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.LinkCard;
import io.badgeflow.model.command.NotYetKnownException;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.ReactivateEmployee;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.RejectedException;
import io.badgeflow.model.command.RejectionReason;
import io.badgeflow.model.command.ReportCardLost;
import io.badgeflow.model.command.ResumeCard;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.command.RevokeCard;
import io.badgeflow.model.command.RotateDoorKey;
import io.badgeflow.model.command.SetCardValidity;
import io.badgeflow.model.command.SuspendCard;
import io.badgeflow.model.command.UnlinkCard;
import io.badgeflow.model.command.UpdateEmployee;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Applies a command once in effect. The command's record is written in the same transaction as its changes,
 * so a redelivery either finds the record and answers from it, or finds nothing written at all. A decision
 * taken on state that moved meanwhile is taken again on fresh reads. A command naming a record that is not
 * there yet is retried (delivery is unordered) until it is older than {@code dependencyWait}, then rejected.
 */
public final class CommandApplier {

    private static final int MAX_ATTEMPTS = 20;

    private final BackOfficeStore store;
    private final CommandLog log;
    private final Clock clock;
    private final Duration dependencyWait;
    private final EmployeeDecisions employees;
    private final CardDecisions cards;
    private final SiteDecisions sites;
    private final GrantDecisions grants;

    public CommandApplier(BackOfficeStore store, CommandLog log, Clock clock, Duration dependencyWait) {
        this.store = Objects.requireNonNull(store);
        this.log = Objects.requireNonNull(log);
        this.clock = Objects.requireNonNull(clock);
        this.dependencyWait = Objects.requireNonNull(dependencyWait);
        this.employees = new EmployeeDecisions(store);
        this.cards = new CardDecisions(store);
        this.sites = new SiteDecisions(store);
        this.grants = new GrantDecisions(store);
    }

    /**
     * @throws CommandDeferredException the command names a record not there yet; retry it later
     * @throws ConcurrentChangeException the state kept moving under every attempt; retry it later
     */
    public CommandRecord apply(Command command, String documentKey) {
        var finished = log.find(command.commandId());
        if (finished.isPresent()) {
            return finished.get();
        }
        for (var attempt = 1; ; attempt++) {
            try {
                var decision = decide(command);
                var record = CommandRecord.applied(command, decision.employeeId(), decision.subjectId(), documentKey,
                        clock.instant());
                store.commit(decision.changes(), record);
                return record;
            } catch (RejectedException rejected) {
                return recordRejection(command, rejected.reason(), rejected.getMessage(), documentKey);
            } catch (ValueTakenException taken) {
                return recordRejection(command, taken.kind().whenTaken(), taken.getMessage(), documentKey);
            } catch (NotYetKnownException missing) {
                if (Duration.between(command.occurredAt(), clock.instant()).compareTo(dependencyWait) < 0) {
                    throw new CommandDeferredException(command.commandId() + " waits: " + missing.getMessage());
                }
                return recordRejection(command, missing.reason(),
                        missing.getMessage() + " (still missing " + dependencyWait + " after the command)", documentKey);
            } catch (AlreadyRecordedException done) {
                return answered(command);
            } catch (ConcurrentChangeException moved) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw moved;
                }
            }
        }
    }

    /** Records a document that never became a command, so its status is REJECTED rather than PENDING forever. */
    public CommandRecord reject(String commandId, RejectionReason reason, String message, String documentKey) {
        var finished = log.find(commandId);
        if (finished.isPresent()) {
            return finished.get();
        }
        var record = CommandRecord.unreadable(commandId, reason, message, documentKey, clock.instant());
        return commitRecord(record, commandId);
    }

    private Decision decide(Command command) {
        return switch (command) {
            case RegisterEmployee c -> employees.register(c);
            case UpdateEmployee c -> employees.update(c);
            case DeactivateEmployee c -> employees.deactivate(c);
            case ReactivateEmployee c -> employees.reactivate(c);
            case OffboardEmployee c -> employees.offboard(c);
            case IssueCard c -> cards.issue(c);
            case LinkCard c -> cards.link(c);
            case UnlinkCard c -> cards.unlink(c.cardId());
            case SuspendCard c -> cards.suspend(c.cardId());
            case ResumeCard c -> cards.resume(c.cardId());
            case ReportCardLost c -> cards.reportLost(c.cardId());
            case RevokeCard c -> cards.revoke(c.cardId());
            case SetCardValidity c -> cards.setValidity(c);
            case RegisterBuilding c -> sites.registerBuilding(c);
            case RegisterDoor c -> sites.registerDoor(c);
            case RotateDoorKey c -> sites.rotateKey(c);
            case GrantAccess c -> grants.grant(c);
            case RevokeAccess c -> grants.revoke(c);
        };
    }

    private CommandRecord recordRejection(Command command, RejectionReason reason, String message, String documentKey) {
        var subject = CommandSubject.of(command);
        var record = CommandRecord.rejected(command, reason, message, subject.employeeId(), subject.subjectId(),
                documentKey, clock.instant());
        return commitRecord(record, command.commandId());
    }

    private CommandRecord commitRecord(CommandRecord record, String commandId) {
        try {
            store.commit(List.of(), record);
            return record;
        } catch (AlreadyRecordedException done) {
            return log.find(commandId).orElseThrow(() -> new IllegalStateException(
                    "command " + commandId + " was reported recorded but is not in the log"));
        }
    }

    private CommandRecord answered(Command command) {
        return log.find(command.commandId()).orElseThrow(() -> new IllegalStateException(
                "command " + command.commandId() + " was reported recorded but is not in the log"));
    }
}
