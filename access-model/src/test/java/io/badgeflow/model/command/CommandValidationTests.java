package io.badgeflow.model.command;

import static io.badgeflow.model.command.Commands.NOW;
import static io.badgeflow.model.command.Commands.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.grant.Schedule;
import io.badgeflow.model.presence.AntiPassback;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CommandValidationTests {

    @Test
    void refusesACardWindowThatEndsBeforeItStarts() {
        assertInvalid(
                () -> new IssueCard(newId(), "hr", NOW, "card-1", "0042", null, NOW.plusSeconds(60), NOW),
                "validUntil");
    }

    @Test
    void refusesACardNumberWithSpaces() {
        assertInvalid(() -> new IssueCard(newId(), "hr", NOW, "card-1", "00 42", null, null, null), "cardNumber");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        assertInvalid(() -> new RegisterBuilding(newId(), "hr", NOW, "HQ", "Head office", "Mars/Olympus"), "timeZone");
    }

    @Test
    void refusesADoorKeyHashThatIsNotSha256Hex() {
        assertInvalid(
                () -> new RegisterDoor(newId(), "hr", NOW, "door-1", "HQ", "Main", DoorCapability.IN, "not-a-hash"),
                "keyHash");
        assertInvalid(() -> new RotateDoorKey(newId(), "hr", NOW, "door-1", "AB".repeat(32)), "keyHash");
    }

    @Test
    void refusesADoorWithoutCapability() {
        assertInvalid(
                () -> new RegisterDoor(newId(), "hr", NOW, "door-1", "HQ", "Main", null, "a".repeat(64)), "capability");
    }

    @Test
    void refusesAGrantWhoseDatesAreReversed() {
        assertInvalid(
                () -> new GrantAccess(
                        newId(), "hr", NOW, "emp-1", "HQ", null, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1)),
                "validUntil");
    }

    @Test
    void acceptsAOneDayGrant() {
        var day = LocalDate.of(2026, 12, 1);
        assertThat(new GrantAccess(newId(), "hr", NOW, "emp-1", "HQ", null, day, day).validUntil())
                .isEqualTo(day);
    }

    @Test
    void refusesAScheduleWithoutDaysOrWithAnEmptyWindow() {
        assertInvalid(() -> new Schedule(Set.of(), LocalTime.of(7, 0), LocalTime.of(19, 0)), "schedule.days");
        assertInvalid(() -> new Schedule(Set.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON), "schedule.until");
    }

    @Test
    void refusesAnUnknownAntiPassbackMode() {
        assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", "STRICT", null), "mode");
        assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", "hard", null), "mode");
        assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", null, null), "mode");
    }

    @Test
    void needsMinutesFromOneToADayForTimedAntiPassbackAndNoneForTheOtherModes() {
        assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", "TIMED", null), "minutes");
        assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", "TIMED", 0), "minutes");
        assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", "TIMED", 1441), "minutes");
        for (var mode : new String[] {"HARD", "SOFT", "OFF"}) {
            assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", mode, 0), "minutes");
            assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ", mode, 15), "minutes");
        }
        assertInvalid(() -> new SetAntiPassback(newId(), "hr", NOW, "HQ LON", "OFF", null), "buildingId");
    }

    @Test
    void makesTheAntiPassbackSettingItNames() {
        assertThat(new SetAntiPassback(newId(), "hr", NOW, "HQ", "TIMED", 1).antiPassback())
                .isEqualTo(AntiPassback.timed(1));
        assertThat(new SetAntiPassback(newId(), "hr", NOW, "HQ", "TIMED", 1440).antiPassback())
                .isEqualTo(AntiPassback.timed(1440));
        assertThat(new SetAntiPassback(newId(), "hr", NOW, "HQ", "HARD", null).antiPassback())
                .isEqualTo(AntiPassback.hard());
        assertThat(new SetAntiPassback(newId(), "hr", NOW, "HQ", "SOFT", null).antiPassback())
                .isEqualTo(AntiPassback.soft());
        assertThat(new SetAntiPassback(newId(), "hr", NOW, "HQ", "OFF", null).antiPassback())
                .isEqualTo(AntiPassback.off());
    }

    @Test
    void refusesACommandWithoutActorOrTime() {
        assertInvalid(() -> new RevokeCard(newId(), " ", NOW, "card-1"), "actor");
        assertInvalid(() -> new RevokeCard(newId(), "hr", null, "card-1"), "occurredAt");
    }

    @Test
    void keepsAnOptionalDepartmentOutWhenBlank() {
        var update = new UpdateEmployee(newId(), "hr", NOW, "emp-1", "E-1", "Ada", "Lovelace", "ada@example.com", " ");
        assertThat(update.department()).isNull();
    }

    private static void assertInvalid(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction)
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo(field);
    }
}
