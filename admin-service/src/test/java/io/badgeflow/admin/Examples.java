package io.badgeflow.admin;

import io.badgeflow.model.building.Building;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Records as the read side returns them, for the API tests. */
public final class Examples {

    public static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    private Examples() {}

    public static Employee employee(String employeeId, String... cardIds) {
        var cards = List.of(cardIds);
        return new Employee(
                employeeId,
                "E-" + employeeId,
                "Ada",
                "Lovelace",
                "ada@example.com",
                "Engineering",
                EmployeeStatus.ACTIVE,
                cards.isEmpty() ? null : cards.getFirst(),
                cards,
                AT,
                "cmd-1",
                AT,
                1,
                Affiliation.EMPLOYEE);
    }

    public static Card card(String cardId, String employeeId) {
        return new Card(
                cardId,
                "N-" + cardId,
                employeeId == null ? CardStatus.ISSUED : CardStatus.ACTIVE,
                employeeId,
                null,
                null,
                AT,
                AT,
                1);
    }

    public static Building building(String buildingId) {
        return new Building(buildingId, "Head office", ZoneId.of("Europe/London"), 1);
    }

    public static Door door(String doorId, String buildingId) {
        return new Door(
                doorId, buildingId, "Main entrance", DoorCapability.BOTH, DeviceKeyHash.of(DeviceKey.generate()), 1);
    }

    public static AccessGrant grant(String employeeId, String buildingId) {
        return new AccessGrant(
                employeeId,
                buildingId,
                new Schedule(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 0)),
                null,
                null,
                AT,
                "sub-admin-1",
                1);
    }

    public static CommandRecord applied(String commandId, String type, String employeeId, String subjectId) {
        return new CommandRecord(
                commandId,
                type,
                "sub-admin-1",
                CommandStatus.APPLIED,
                null,
                null,
                employeeId,
                subjectId,
                "commands/" + commandId + ".json",
                AT);
    }
}
