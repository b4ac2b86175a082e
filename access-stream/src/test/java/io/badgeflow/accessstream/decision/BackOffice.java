package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeStore;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.SetAntiPassback;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.grant.Schedule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The back office as card-events applies it (the same applier and store, minus S3 and SQS), for setting up a
 * site the door API decides on. Every command is APPLIED or the test fails; its record lands in the commands
 * table, so the decision path's command feed sees it as it would in production.
 */
public final class BackOffice {

    private final CommandApplier applier;

    public BackOffice(DynamoDbEnhancedClient enhanced, AwsEnvironment aws) {
        var tables = new BackOfficeTables(
                aws.output("EmployeesTableName"),
                aws.output("CardsTableName"),
                aws.output("BuildingsTableName"),
                aws.output("DoorsTableName"),
                aws.output("GrantsTableName"),
                aws.output("CommandsTableName"));
        this.applier = new CommandApplier(
                new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(1)),
                new DynamoDbCommandLog(enhanced, tables.commands()),
                Clock.systemUTC(),
                Duration.ofSeconds(2));
    }

    public void apply(Command command) {
        var record = applier.apply(command, "commands/" + command.commandId() + ".json");
        assertThat(record.status())
                .as("%s: %s", command.type(), record.message())
                .isEqualTo(CommandStatus.APPLIED);
    }

    /** A building (UTC) with two two-way doors, and one employee holding an active card with an every-day grant. */
    public Site site(String mode, int minutes) {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var site = new Site(
                "bldg-" + id,
                "door-a-" + id,
                "door-b-" + id,
                DeviceKey.generate(),
                DeviceKey.generate(),
                "emp-" + id,
                "card-" + id,
                "N-" + id);
        apply(new RegisterBuilding(id(), "it", Instant.now(), site.buildingId(), "Building " + id, "UTC"));
        if (mode != null) {
            apply(new SetAntiPassback(
                    id(), "it", Instant.now(), site.buildingId(), mode, minutes == 0 ? null : minutes));
        }
        apply(new RegisterDoor(
                id(),
                "it",
                Instant.now(),
                site.doorA(),
                site.buildingId(),
                "A",
                DoorCapability.BOTH,
                DeviceKeyHash.of(site.keyA()).sha256Hex()));
        apply(new RegisterDoor(
                id(),
                "it",
                Instant.now(),
                site.doorB(),
                site.buildingId(),
                "B",
                DoorCapability.BOTH,
                DeviceKeyHash.of(site.keyB()).sha256Hex()));
        apply(new RegisterEmployee(
                id(),
                "it",
                Instant.now(),
                site.employeeId(),
                "E-" + id,
                "Test",
                "Person",
                id + "@example.test",
                "Security"));
        apply(new IssueCard(
                id(), "it", Instant.now(), site.cardId(), site.cardNumber(), site.employeeId(), null, null));
        apply(new GrantAccess(
                id(),
                "it",
                Instant.now(),
                site.employeeId(),
                site.buildingId(),
                new Schedule(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(23, 59)),
                null,
                null));
        return site;
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public record Site(
            String buildingId,
            String doorA,
            String doorB,
            DeviceKey keyA,
            DeviceKey keyB,
            String employeeId,
            String cardId,
            String cardNumber) {}
}
