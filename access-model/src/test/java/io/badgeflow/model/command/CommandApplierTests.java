package io.badgeflow.model.command;

import static io.badgeflow.model.command.Commands.registerEmployee;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CommandApplierTests {

    private static final Instant FINISHED = Instant.parse("2026-11-24T08:00:01Z");

    private final InMemoryCommandLog log = new InMemoryCommandLog();
    private final InMemoryEmployeeDirectory employees = new InMemoryEmployeeDirectory();
    private final CommandApplier applier = new CommandApplier(log, employees, Clock.fixed(FINISHED, ZoneOffset.UTC));

    @Test
    void registersANewEmployeeAsActiveAndRecordsTheCommandApplied() {
        var command = registerEmployee().build();

        var record = applier.apply(command, "commands/" + command.commandId() + ".json");

        assertThat(record.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(record.type()).isEqualTo("RegisterEmployee");
        assertThat(record.finishedAt()).isEqualTo(FINISHED);
        assertThat(employees.employees.get(command.employeeId()).status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(log.records).containsKey(command.commandId());
    }

    @Test
    void answersARedeliveredCommandFromTheLogWithoutApplyingItAgain() {
        var command = registerEmployee().build();
        var first = applier.apply(command, "k");
        employees.employees.clear();

        var second = applier.apply(command, "k");

        assertThat(second).isEqualTo(first);
        assertThat(employees.employees).isEmpty();
    }

    @Test
    void treatsARedeliveryThatCrashedBeforeLoggingAsApplied() {
        var command = registerEmployee().build();
        applier.apply(command, "k");
        log.records.clear();

        var again = applier.apply(command, "k");

        assertThat(again.status()).isEqualTo(CommandStatus.APPLIED);
    }

    @Test
    void rejectsASecondRegistrationOfTheSameEmployeeId() {
        applier.apply(registerEmployee().employeeId("emp-1").build(), "k1");

        var record = applier.apply(registerEmployee().employeeId("emp-1").givenName("Grace").build(), "k2");

        assertThat(record.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(record.reason()).isEqualTo(RejectionReason.EMPLOYEE_ALREADY_EXISTS);
        assertThat(employees.employees.get("emp-1").givenName()).isEqualTo("Ada");
    }

    @Test
    void recordsAnUnreadableDocumentAsRejectedWithItsReason() {
        var record = applier.reject("cmd-1", RejectionReason.MALFORMED_COMMAND, "not JSON", "commands/cmd-1.json");

        assertThat(record.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(record.reason()).isEqualTo(RejectionReason.MALFORMED_COMMAND);
        assertThat(record.documentKey()).isEqualTo("commands/cmd-1.json");
        assertThat(log.find("cmd-1")).contains(record);
    }
}
