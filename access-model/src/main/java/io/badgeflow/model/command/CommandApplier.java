package io.badgeflow.model.command;

import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeDirectory;
import java.time.Clock;
import java.util.Objects;

/**
 * Applies a command once in effect: a command the log already finished is answered from the log, and every
 * state change is written so that applying it again after a crash finds it done rather than doing it twice.
 */
public final class CommandApplier {

    private final CommandLog log;
    private final EmployeeDirectory employees;
    private final Clock clock;

    public CommandApplier(CommandLog log, EmployeeDirectory employees, Clock clock) {
        this.log = Objects.requireNonNull(log);
        this.employees = Objects.requireNonNull(employees);
        this.clock = Objects.requireNonNull(clock);
    }

    public CommandRecord apply(Command command, String documentKey) {
        var finished = log.find(command.commandId());
        if (finished.isPresent()) {
            return finished.get();
        }
        var outcome = switch (command) {
            case RegisterEmployee register -> register(register);
        };
        var record = CommandRecord.of(command, outcome, documentKey, clock.instant());
        log.record(record);
        return record;
    }

    /** Records a document that never became a command, so its status is REJECTED rather than PENDING forever. */
    public CommandRecord reject(String commandId, RejectionReason reason, String message, String documentKey) {
        var finished = log.find(commandId);
        if (finished.isPresent()) {
            return finished.get();
        }
        var record = CommandRecord.unreadable(commandId, reason, message, documentKey, clock.instant());
        log.record(record);
        return record;
    }

    private CommandOutcome register(RegisterEmployee command) {
        var employee = Employee.registered(command);
        if (employees.registerIfAbsent(employee)) {
            return CommandOutcome.applied();
        }
        var existing = employees.find(command.employeeId()).orElseThrow(
                () -> new IllegalStateException("employee " + command.employeeId() + " vanished while registering"));
        if (command.commandId().equals(existing.registeredBy())) {
            return CommandOutcome.applied();
        }
        return CommandOutcome.rejected(RejectionReason.EMPLOYEE_ALREADY_EXISTS,
                "employee " + command.employeeId() + " is already registered");
    }
}
