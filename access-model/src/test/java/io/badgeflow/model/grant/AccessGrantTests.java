package io.badgeflow.model.grant;

import static io.badgeflow.model.command.Commands.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessGrantTests {

    private static final String ADMIN = "hr-admin";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Schedule OFFICE_HOURS = new Schedule(
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            LocalTime.of(7, 0),
            LocalTime.of(19, 0));

    @Test
    void coversOfficeHoursOnWorkingDaysOnly() {
        var tuesday = LocalDateTime.of(2026, 11, 24, 7, 0);

        assertThat(OFFICE_HOURS.covers(tuesday)).isTrue();
        assertThat(OFFICE_HOURS.covers(tuesday.minusMinutes(1))).isFalse();
        assertThat(OFFICE_HOURS.covers(tuesday.withHour(19))).isFalse();
        assertThat(OFFICE_HOURS.covers(tuesday.withHour(18).withMinute(59))).isTrue();
        assertThat(OFFICE_HOURS.covers(LocalDateTime.of(2026, 11, 28, 10, 0))).isFalse();
    }

    @Test
    void letsANightShiftRunPastMidnightIntoTheNextDay() {
        var fridayNights = new Schedule(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));

        assertThat(fridayNights.covers(LocalDateTime.of(2026, 11, 27, 22, 0))).isTrue();
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 11, 28, 5, 59))).isTrue();
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 11, 28, 6, 0))).isFalse();
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 11, 28, 23, 0))).isFalse();
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 11, 27, 5, 0))).isFalse();
    }

    @Test
    void readsTheScheduleInTheBuildingsTimeZone() {
        var grant = AccessGrant.granted("emp-1", "HQ", OFFICE_HOURS, null, null, NOW, ADMIN, null);
        var summerSevenLondon = Instant.parse("2026-07-06T06:00:00Z");

        assertThat(grant.covers(summerSevenLondon, LONDON)).isTrue();
        assertThat(grant.covers(summerSevenLondon, ZoneId.of("UTC"))).isFalse();
    }

    @Test
    void coversItsFirstAndLastDayInclusive() {
        var grant = AccessGrant.granted(
                "emp-1", "HQ", null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), NOW, ADMIN, null);

        assertThat(grant.covers(Instant.parse("2026-12-01T00:00:00Z"), LONDON)).isTrue();
        assertThat(grant.covers(Instant.parse("2026-12-31T23:59:59Z"), LONDON)).isTrue();
        assertThat(grant.covers(Instant.parse("2026-11-30T23:59:59Z"), LONDON)).isFalse();
        assertThat(grant.covers(Instant.parse("2027-01-01T00:00:00Z"), LONDON)).isFalse();
    }

    @Test
    void replacesTheTermsAndBumpsTheVersionWhenGrantedAgain() {
        var first = AccessGrant.granted("emp-1", "HQ", null, null, null, NOW, ADMIN, null);

        var second = AccessGrant.granted("emp-1", "HQ", OFFICE_HOURS, null, null, NOW, ADMIN, first);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.schedule()).isEqualTo(OFFICE_HOURS);
    }

    @Test
    void coversAlwaysWithoutScheduleOrDates() {
        assertThat(AccessGrant.granted("emp-1", "HQ", null, null, null, NOW, ADMIN, null)
                        .covers(Instant.EPOCH, LONDON))
                .isTrue();
    }
}
