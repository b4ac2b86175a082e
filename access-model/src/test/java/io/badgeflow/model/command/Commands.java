package io.badgeflow.model.command;

import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.grant.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Test-data builders for commands: each call is a new command (fresh id) issued at {@link #NOW}. */
public final class Commands {

    public static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final String ACTOR = "hr-admin";

    private Commands() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static RegisterEmployeeBuilder registerEmployee() {
        return new RegisterEmployeeBuilder();
    }

    public static UpdateEmployee updateEmployee(String employeeId, String familyName, Instant at) {
        return new UpdateEmployee(newId(), ACTOR, at, employeeId, "E-1001", "Ada", familyName, "ada@example.com", null);
    }

    public static UpdateEmployee renumberEmployee(String employeeId, String employeeNumber) {
        return new UpdateEmployee(
                newId(), ACTOR, NOW, employeeId, employeeNumber, "Ada", "Lovelace", "ada@example.com", null);
    }

    public static DeactivateEmployee deactivate(String employeeId) {
        return new DeactivateEmployee(newId(), ACTOR, NOW, employeeId);
    }

    public static ReactivateEmployee reactivate(String employeeId) {
        return new ReactivateEmployee(newId(), ACTOR, NOW, employeeId);
    }

    public static OffboardEmployee offboard(String employeeId) {
        return new OffboardEmployee(newId(), ACTOR, NOW, employeeId);
    }

    public static EraseEmployee erase(String employeeId, String reason) {
        return new EraseEmployee(newId(), ACTOR, NOW, employeeId, reason);
    }

    public static IssueCard issueCard(String cardId, String cardNumber, String employeeId) {
        return new IssueCard(newId(), ACTOR, NOW, cardId, cardNumber, employeeId, null, null);
    }

    public static LinkCard link(String cardId, String employeeId) {
        return link(cardId, employeeId, NOW);
    }

    public static LinkCard link(String cardId, String employeeId, Instant at) {
        return new LinkCard(newId(), ACTOR, at, cardId, employeeId);
    }

    public static UnlinkCard unlink(String cardId) {
        return new UnlinkCard(newId(), ACTOR, NOW, cardId);
    }

    public static SuspendCard suspend(String cardId) {
        return new SuspendCard(newId(), ACTOR, NOW, cardId);
    }

    public static ResumeCard resume(String cardId) {
        return new ResumeCard(newId(), ACTOR, NOW, cardId);
    }

    public static ReportCardLost reportLost(String cardId) {
        return new ReportCardLost(newId(), ACTOR, NOW, cardId);
    }

    public static RevokeCard revokeCard(String cardId) {
        return new RevokeCard(newId(), ACTOR, NOW, cardId);
    }

    public static SetCardValidity validity(String cardId, Instant from, Instant until, Instant at) {
        return new SetCardValidity(newId(), ACTOR, at, cardId, from, until);
    }

    public static RegisterBuilding registerBuilding(String buildingId) {
        return new RegisterBuilding(newId(), ACTOR, NOW, buildingId, "Head office", "Europe/London");
    }

    public static RegisterDoor registerDoor(String doorId, String buildingId) {
        return new RegisterDoor(
                newId(),
                ACTOR,
                NOW,
                doorId,
                buildingId,
                "Main entrance",
                DoorCapability.BOTH,
                DeviceKeyHash.of(DeviceKey.generate()).sha256Hex());
    }

    public static RotateDoorKey rotateKey(String doorId, DeviceKey key) {
        return new RotateDoorKey(
                newId(), ACTOR, NOW, doorId, DeviceKeyHash.of(key).sha256Hex());
    }

    public static SetAntiPassback antiPassback(String buildingId, String mode, Integer minutes, Instant at) {
        return new SetAntiPassback(newId(), ACTOR, at, buildingId, mode, minutes);
    }

    public static GrantAccess grant(String employeeId, String buildingId) {
        return grant(employeeId, buildingId, null);
    }

    public static GrantAccess grant(String employeeId, String buildingId, Schedule schedule) {
        return new GrantAccess(newId(), ACTOR, NOW, employeeId, buildingId, schedule, null, null);
    }

    public static GrantAccess grantBetween(String employeeId, String buildingId, LocalDate from, LocalDate until) {
        return new GrantAccess(newId(), ACTOR, NOW, employeeId, buildingId, null, from, until);
    }

    /** A visitor of {@code hostEmployeeId} for 8 December 2026, with badge {@code cardNumber}. */
    public static RegisterVisitor registerVisitor(
            String employeeId, String hostEmployeeId, String cardNumber, String... buildingIds) {
        var day = LocalDate.parse("2026-12-08");
        return new RegisterVisitor(
                newId(),
                ACTOR,
                NOW,
                employeeId,
                "V-" + employeeId,
                "Grace",
                "Hopper",
                null,
                Affiliation.visitor(hostEmployeeId, "Navy", day, day),
                List.of(buildingIds),
                "card-" + employeeId,
                cardNumber);
    }

    public static RevokeAccess revokeAccess(String employeeId, String buildingId) {
        return new RevokeAccess(newId(), ACTOR, NOW, employeeId, buildingId);
    }

    public static final class RegisterEmployeeBuilder {
        private String commandId = newId();
        private String employeeId = newId();
        private String employeeNumber = "E-1001";
        private String email = "ada@example.com";
        private String givenName = "Ada";
        private Instant occurredAt = NOW;

        public RegisterEmployeeBuilder commandId(String value) {
            commandId = value;
            return this;
        }

        public RegisterEmployeeBuilder employeeId(String value) {
            employeeId = value;
            return this;
        }

        public RegisterEmployeeBuilder employeeNumber(String value) {
            employeeNumber = value;
            return this;
        }

        public RegisterEmployeeBuilder email(String value) {
            email = value;
            return this;
        }

        public RegisterEmployeeBuilder givenName(String value) {
            givenName = value;
            return this;
        }

        public RegisterEmployeeBuilder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public RegisterEmployee build() {
            return new RegisterEmployee(
                    commandId,
                    ACTOR,
                    occurredAt,
                    employeeId,
                    employeeNumber,
                    givenName,
                    "Lovelace",
                    email,
                    "Engineering");
        }
    }
}
