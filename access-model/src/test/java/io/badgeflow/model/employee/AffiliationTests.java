package io.badgeflow.model.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AffiliationTests {

    private static final LocalDate DAY = LocalDate.parse("2026-12-08");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aVisitForOneDayRunsFromLocalMidnightToLocalMidnight() {
        var visit = Affiliation.visitor("host-1", null, DAY, DAY);

        assertThat(visit.isInForceAt(Instant.parse("2026-12-07T23:59:59Z"), LONDON))
                .isFalse();
        assertThat(visit.isInForceAt(Instant.parse("2026-12-08T00:00:00Z"), LONDON))
                .isTrue();
        assertThat(visit.isInForceAt(Instant.parse("2026-12-08T23:59:59.999Z"), LONDON))
                .isTrue();
        assertThat(visit.isInForceAt(Instant.parse("2026-12-09T00:00:00Z"), LONDON))
                .isFalse();
    }

    @Test
    void theDayIsReadInTheBuildingsTimeZone() {
        var visit = Affiliation.visitor("host-1", null, DAY, DAY);
        // 02:00 UTC on the 9th is still the 8th in New York (21:00), but already the 9th in London.
        var lateEvening = Instant.parse("2026-12-09T02:00:00Z");

        assertThat(visit.isInForceAt(lateEvening, NEW_YORK)).isTrue();
        assertThat(visit.isInForceAt(lateEvening, LONDON)).isFalse();
    }

    @Test
    void aContractorIsInUpToAndIncludingTheEndDateAndOutTheDayAfter() {
        var contractor = Affiliation.contractor("Acme Ltd", null, null, DAY);

        assertThat(contractor.isInForceAt(Instant.parse("2025-01-01T09:00:00Z"), LONDON))
                .isTrue();
        assertThat(contractor.isInForceAt(Instant.parse("2026-12-08T23:59:59Z"), LONDON))
                .isTrue();
        assertThat(contractor.isInForceAt(Instant.parse("2026-12-09T00:00:00Z"), LONDON))
                .isFalse();
        assertThat(contractor.isInForceAtOrAfter(Instant.parse("2026-12-08T12:00:00Z"), LONDON))
                .isTrue();
        assertThat(contractor.isInForceAtOrAfter(Instant.parse("2026-12-09T00:00:00Z"), LONDON))
                .isFalse();
    }

    @Test
    void aVisitNotStartedYetIsStillToComeButNotInForce() {
        var visit = Affiliation.visitor("host-1", null, DAY, DAY.plusDays(1));
        var before = Instant.parse("2026-12-07T12:00:00Z");

        assertThat(visit.isInForceAt(before, LONDON)).isFalse();
        assertThat(visit.isInForceAtOrAfter(before, LONDON)).isTrue();
        assertThat(visit.isInForceOn(DAY.plusDays(1))).isTrue();
        assertThat(visit.isInForceOn(DAY.plusDays(2))).isFalse();
    }

    @Test
    void anEmployeeIsAlwaysInForce() {
        assertThat(Affiliation.EMPLOYEE.isInForceAt(Instant.parse("2099-01-01T00:00:00Z"), LONDON))
                .isTrue();
        assertThat(Affiliation.EMPLOYEE.isEmployee()).isTrue();
    }

    @Test
    void aContractorWithoutAnEndDateIsRefused() {
        assertThatThrownBy(() -> Affiliation.contractor("Acme Ltd", null, DAY, null))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("validUntil");
    }

    @Test
    void aContractorWithoutACompanyIsRefused() {
        assertThatThrownBy(() -> Affiliation.contractor(" ", null, null, DAY))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("company");
    }

    @Test
    void aVisitorNeedsAHostAndDaysInOrderAndNoLongerThanTheCap() {
        assertThatThrownBy(() -> Affiliation.visitor(null, null, DAY, DAY)).hasMessageContaining("host");
        assertThatThrownBy(() -> Affiliation.visitor("h", null, DAY, DAY.minusDays(1)))
                .hasMessageContaining("before validFrom");
        assertThatThrownBy(() -> Affiliation.visitor("h", null, DAY, DAY.plusDays(Affiliation.MAX_VISIT_DAYS)))
                .hasMessageContaining("at most");
        assertThat(Affiliation.visitor("h", null, DAY, DAY.plusDays(Affiliation.MAX_VISIT_DAYS - 1))
                        .validUntil())
                .isEqualTo(DAY.plusDays(30));
    }

    @Test
    void recordsWrittenBeforeAffiliationsReadAsEmployeesAndChangesKeepTheAffiliation() {
        var old = Employees.active().build();
        assertThat(old.affiliation()).isEqualTo(Affiliation.EMPLOYEE);

        var visitor = Employees.active()
                .as(Affiliation.visitor("host-1", "Navy", DAY, DAY))
                .build();
        assertThat(visitor.holding("card-9").deactivated().offboarded().affiliation())
                .isEqualTo(visitor.affiliation());
    }
}
