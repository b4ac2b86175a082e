package io.badgeflow.model.backoffice;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.BackOfficeStore.AlreadyRecordedException;
import io.badgeflow.model.backoffice.BackOfficeStore.ConcurrentChangeException;
import io.badgeflow.model.backoffice.BackOfficeStore.ValueTakenException;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.NotYetKnownException;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.UpdateEmployee;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies commands once in effect. A command's record is written in the same transaction as its changes, so
 * a redelivery either finds the record and answers from it, or finds nothing written at all. A decision taken
 * on state that moved meanwhile is taken again on fresh reads. A command naming a record that is not there
 * yet is retried (delivery is unordered) until it is older than {@code dependencyWait}, then rejected.
 */
public final class CommandApplier {

    private static final int MAX_ATTEMPTS = 20;

    private final BackOfficeStore store;
    private final CommandLog log;
    private final Clock clock;
    private final Duration dependencyWait;
    private final Deciders deciders;

    public CommandApplier(BackOfficeStore store, CommandLog log, Clock clock, Duration dependencyWait) {
        this.store = Objects.requireNonNull(store);
        this.log = Objects.requireNonNull(log);
        this.clock = Objects.requireNonNull(clock);
        this.dependencyWait = Objects.requireNonNull(dependencyWait);
        this.deciders = new Deciders(store);
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
                var decision = deciders.decide(command);
                var record = CommandRecord.applied(
                        command, decision.employeeId(), decision.subjectId(), documentKey, clock.instant());
                store.commit(decision.changes(), List.of(record));
                return record;
            } catch (RejectedException rejected) {
                return recordRejection(command, rejected.reason(), rejected.getMessage(), documentKey);
            } catch (ValueTakenException taken) {
                return recordRejection(command, taken.kind().whenTaken(), taken.getMessage(), documentKey);
            } catch (NotYetKnownException missing) {
                if (Duration.between(command.occurredAt(), clock.instant()).compareTo(dependencyWait) < 0) {
                    throw new CommandDeferredException(command.commandId() + " waits: " + missing.getMessage());
                }
                return recordRejection(
                        command,
                        missing.reason(),
                        missing.getMessage() + " (still missing " + dependencyWait + " after the command)",
                        documentKey);
            } catch (AlreadyRecordedException done) {
                return recorded(command.commandId());
            } catch (ConcurrentChangeException moved) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw moved;
                }
            }
        }
    }

    /**
     * Applies commands that belong together (the commands of one import row) as one transaction: each is
     * decided on the state the ones before it leave, and either all take effect or none does. When one is
     * refused, it is REJECTED with its reason and the others with {@link RejectionReason#GROUP_REJECTED}. A
     * record missing here is never waited for: the group is rejected at once. Groups come in bulk and are
     * rarely redelivered, so the first attempt reads as little as it can: no log lookup, and ids the caller
     * minted for new records are presumed free. A redelivery or a minted id that exists after all fails the
     * commit's conditions, and the next attempt reads everything.
     *
     * @param buildings buildings already read for earlier groups of the same run
     * @param minted ids of records the group creates, made up by the caller (never a user's choice)
     * @return the records, in the order of the commands
     * @throws ConcurrentChangeException the state kept moving under every attempt; retry it later
     */
    public List<CommandRecord> applyTogether(
            List<Command> commands, String documentKey, BuildingCache buildings, Set<String> minted) {
        if (commands.isEmpty()) {
            return List.of();
        }
        for (var attempt = 1; ; attempt++) {
            var staged = new StagedStore(store, buildings, attempt == 1 ? minted : Set.of());
            var stagedDeciders = new Deciders(staged);
            var records = new ArrayList<CommandRecord>();
            try {
                for (var command : commands) {
                    var decision = decide(stagedDeciders, command);
                    if (decision instanceof Refusal refusal) {
                        return recordGroupRejection(commands, command, refusal, documentKey);
                    }
                    var applied = (Decision) decision;
                    staged.stage(applied.changes());
                    records.add(CommandRecord.applied(
                            command, applied.employeeId(), applied.subjectId(), documentKey, clock.instant()));
                }
                store.commit(staged.merged(), records);
                return records;
            } catch (ValueTakenException taken) {
                var culprit = commands.stream()
                        .filter(c -> claims(c, taken.kind()))
                        .findFirst()
                        .orElse(commands.getFirst());
                return recordGroupRejection(
                        commands, culprit, new Refusal(taken.kind().whenTaken(), taken.getMessage()), documentKey);
            } catch (AlreadyRecordedException done) {
                return recorded(commands);
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
        return commitRecords(List.of(record)).getFirst();
    }

    private record Refusal(RejectionReason reason, String message) {}

    private static Object decide(Deciders deciders, Command command) {
        try {
            return deciders.decide(command);
        } catch (RejectedException rejected) {
            return new Refusal(rejected.reason(), rejected.getMessage());
        } catch (NotYetKnownException missing) {
            return new Refusal(missing.reason(), missing.getMessage());
        }
    }

    private static boolean claims(Command command, UniqueKind kind) {
        return switch (kind) {
            case EMPLOYEE_NUMBER -> command instanceof RegisterEmployee || command instanceof UpdateEmployee;
            case CARD_NUMBER -> command instanceof IssueCard;
        };
    }

    private List<CommandRecord> recordGroupRejection(
            List<Command> commands, Command culprit, Refusal refusal, String documentKey) {
        var records = new ArrayList<CommandRecord>();
        for (var command : commands) {
            var subject = CommandSubject.of(command);
            var own = command == culprit;
            records.add(CommandRecord.rejected(
                    command,
                    own ? refusal.reason() : RejectionReason.GROUP_REJECTED,
                    own
                            ? refusal.message()
                            : "not applied: " + culprit.type() + " " + culprit.commandId()
                                    + " of the same group was rejected (" + refusal.reason() + ")",
                    subject.employeeId(),
                    subject.subjectId(),
                    documentKey,
                    clock.instant()));
        }
        return commitRecords(records);
    }

    private CommandRecord recordRejection(Command command, RejectionReason reason, String message, String documentKey) {
        var subject = CommandSubject.of(command);
        var record = CommandRecord.rejected(
                command, reason, message, subject.employeeId(), subject.subjectId(), documentKey, clock.instant());
        return commitRecords(List.of(record)).getFirst();
    }

    private List<CommandRecord> commitRecords(List<CommandRecord> records) {
        try {
            store.commit(List.of(), records);
            return records;
        } catch (AlreadyRecordedException done) {
            return records.stream().map(r -> recorded(r.commandId())).toList();
        }
    }

    private List<CommandRecord> recorded(List<Command> commands) {
        return commands.stream().map(c -> recorded(c.commandId())).toList();
    }

    private CommandRecord recorded(String commandId) {
        return log.find(commandId)
                .orElseThrow(() -> new ConcurrentChangeException(
                        "command " + commandId + " was reported recorded but is not in the log yet"));
    }
}
