package io.badgeflow.aws.dynamodb;

import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.grant.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Test data for the back-office tables: records with unique ids, since every test shares one emulator. */
final class BackOfficeFixtures {

    static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    private BackOfficeFixtures() {}

    static BackOfficeTables tables(AwsEnvironment aws) {
        return new BackOfficeTables(
                aws.output("EmployeesTableName"),
                aws.output("CardsTableName"),
                aws.output("BuildingsTableName"),
                aws.output("DoorsTableName"),
                aws.output("GrantsTableName"),
                aws.output("CommandsTableName"));
    }

    static String id(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    static Employee employee(String givenName, String familyName) {
        var employeeId = id("emp");
        return new Employee(
                employeeId,
                "N-" + employeeId,
                givenName,
                familyName,
                "a@example.com",
                "Facilities",
                EmployeeStatus.ACTIVE,
                null,
                List.of(),
                AT,
                "cmd-" + employeeId,
                AT,
                1,
                Affiliation.EMPLOYEE);
    }

    static Card card(CardStatus status, String employeeId, String cardNumber) {
        return new Card(id("card"), cardNumber, status, employeeId, AT, null, AT, AT, 1);
    }

    static Door door(String buildingId, String name) {
        return new Door(id("door"), buildingId, name, DoorCapability.IN, DeviceKeyHash.of(DeviceKey.generate()), 1);
    }

    static AccessGrant grant(String employeeId, String buildingId) {
        return new AccessGrant(
                employeeId,
                buildingId,
                new Schedule(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 30)),
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 6, 30),
                AT,
                "admin@example.com",
                1);
    }

    static CommandRecord applied(String type, String employeeId, String subjectId, Instant finishedAt) {
        return new CommandRecord(
                id("cmd"),
                type,
                "admin@example.com",
                CommandStatus.APPLIED,
                null,
                null,
                employeeId,
                subjectId,
                "commands/" + UUID.randomUUID() + ".json",
                finishedAt);
    }
}
