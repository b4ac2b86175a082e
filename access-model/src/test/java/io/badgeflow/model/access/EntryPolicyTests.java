package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.DECIDED_AT;
import static io.badgeflow.model.access.Site.TUESDAY_9;
import static io.badgeflow.model.access.Site.in;
import static io.badgeflow.model.access.Site.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.card.Cards;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Doors;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.employee.Employees;
import io.badgeflow.model.grant.Grants;
import io.badgeflow.model.grant.Schedule;
import io.badgeflow.model.presence.Presence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EntryPolicyTests {

    private final InMemoryAccessFacts facts = Site.standard();

    private Decision decide(EntryRequest request) {
        return policy(facts).decide(request);
    }

    @Test
    void grantsAnActiveCardOfAnActiveEmployeeWithAGrantAndExplainsWhy() {
        var request = in(TUESDAY_9);

        var decision = decide(request);

        assertThat(decision.decision()).isEqualTo(Outcome.GRANTED);
        assertThat(decision.reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(decision.rule()).isEqualTo("all-rules-passed");
        assertThat(decision.policyVersion()).isEqualTo(EntryPolicy.VERSION).isEqualTo("2026-12-08.1");
        assertThat(decision.alarms()).isEmpty();
        assertThat(decision)
                .extracting(
                        Decision::eventId,
                        Decision::doorId,
                        Decision::buildingId,
                        Decision::cardNumber,
                        Decision::cardId,
                        Decision::cardStatus,
                        Decision::employeeId,
                        Decision::direction,
                        Decision::occurredAt,
                        Decision::decidedAt)
                .containsExactly(
                        request.eventId(),
                        "door-1",
                        "HQ",
                        "0042",
                        "card-1",
                        CardStatus.ACTIVE,
                        "emp-1",
                        Direction.IN,
                        TUESDAY_9,
                        DECIDED_AT);
    }

    @Nested
    class TheDoor {

        @Test
        void deniesAnUnknownDoorBeforeReadingAnythingAboutTheCard() {
            var decision = decide(in("door-404", "0042", TUESDAY_9));

            assertThat(decision)
                    .extracting(Decision::decision, Decision::reason, Decision::rule)
                    .containsExactly(Outcome.DENIED, DecisionReason.UNKNOWN_DOOR, "door-known");
            assertThat(decision.buildingId()).isNull();
            assertThat(decision.cardId()).isNull();
            assertThat(facts.reads()).containsExactly("door:door-404");
        }

        @Test
        void deniesADoorWhoseBuildingIsUnknown() {
            facts.with(Doors.twoWay("orphan", "GONE"));

            assertThat(decide(in("orphan", "0042", TUESDAY_9)).reason()).isEqualTo(DecisionReason.UNKNOWN_DOOR);
        }

        @Test
        void deniesAnEntryAtAnExitOnlyReader() {
            facts.with(Doors.exitOnly("door-1", "HQ"));

            var decision = decide(in(TUESDAY_9));

            assertThat(decision)
                    .extracting(Decision::decision, Decision::reason, Decision::rule)
                    .containsExactly(Outcome.DENIED, DecisionReason.DIRECTION_NOT_SUPPORTED, "door-direction");
            assertThat(decision.buildingId()).isEqualTo("HQ");
        }

        @Test
        void grantsAnEntryAtAnEntryOnlyReader() {
            facts.with(Doors.entryOnly("door-1", "HQ"));

            assertThat(decide(in(TUESDAY_9)).granted()).isTrue();
        }
    }

    @Nested
    class TheCard {

        @Test
        void deniesAnUnknownCardAndRaisesTheUnknownCardAlarm() {
            var decision = decide(in("door-1", "FFFF", TUESDAY_9));

            assertThat(decision)
                    .extracting(Decision::decision, Decision::reason, Decision::rule)
                    .containsExactly(Outcome.DENIED, DecisionReason.UNKNOWN_CARD, "card-known");
            assertThat(decision.alarms()).containsExactly(AlarmType.UNKNOWN_CARD);
            assertThat(decision.cardNumber()).isEqualTo("FFFF");
            assertThat(decision.cardId()).isNull();
            assertThat(decision.employeeId()).isNull();
        }

        @ParameterizedTest
        @CsvSource({
            "SUSPENDED, SUSPENDED_CARD_USED",
            "LOST, LOST_CARD_USED",
            "REVOKED, REVOKED_CARD_USED",
        })
        void deniesABlockedCardWithItsStatusAndRaisesItsAlarm(CardStatus status, AlarmType alarm) {
            facts.with(Cards.in(status).build());

            var decision = decide(in(TUESDAY_9));

            assertThat(decision)
                    .extracting(Decision::decision, Decision::reason, Decision::rule, Decision::cardStatus)
                    .containsExactly(Outcome.DENIED, DecisionReason.CARD_NOT_ACTIVE, "card-active", status);
            assertThat(decision.alarms()).containsExactly(alarm);
            assertThat(decision.employeeId()).isEqualTo("emp-1");
        }

        @ParameterizedTest
        @EnumSource(
                value = CardStatus.class,
                names = {"ISSUED", "SUPERSEDED"})
        void deniesACardInStockOrSupersededWithoutAnAlarm(CardStatus status) {
            facts.with(Cards.in(status).build());

            var decision = decide(in(TUESDAY_9));

            assertThat(decision.reason()).isEqualTo(DecisionReason.CARD_NOT_ACTIVE);
            assertThat(decision.cardStatus()).isEqualTo(status);
            assertThat(decision.alarms()).isEmpty();
        }

        @Test
        void deniesACardBeforeItsValidityWindowOpensAndGrantsItFromTheFirstInstant() {
            facts.with(Cards.active().validFrom(TUESDAY_9).build());

            var before = decide(in(TUESDAY_9.minusNanos(1)));

            assertThat(before)
                    .extracting(Decision::reason, Decision::rule)
                    .containsExactly(DecisionReason.CARD_EXPIRED, "card-validity");
            assertThat(decide(in(TUESDAY_9)).granted()).isTrue();
        }

        @Test
        void grantsACardUntilTheInstantItsWindowClosesAndDeniesItFromThen() {
            facts.with(Cards.active().validUntil(TUESDAY_9).build());

            assertThat(decide(in(TUESDAY_9.minusNanos(1))).granted()).isTrue();
            assertThat(decide(in(TUESDAY_9)).reason()).isEqualTo(DecisionReason.CARD_EXPIRED);
        }
    }

    @Nested
    class TheEmployee {

        @ParameterizedTest
        @EnumSource(
                value = EmployeeStatus.class,
                names = {"INACTIVE", "OFFBOARDED"})
        void deniesAnEmployeeWhoIsNotActive(EmployeeStatus status) {
            facts.with(Employees.in(status).build());

            var decision = decide(in(TUESDAY_9));

            assertThat(decision)
                    .extracting(Decision::decision, Decision::reason, Decision::rule, Decision::employeeId)
                    .containsExactly(Outcome.DENIED, DecisionReason.EMPLOYEE_INACTIVE, "employee-active", "emp-1");
        }

        @Test
        void deniesACardWhoseEmployeeIsNotKnown() {
            facts.with(Cards.active()
                    .number("card-9", "0099")
                    .employeeId("emp-ghost")
                    .build());

            assertThat(decide(in("door-1", "0099", TUESDAY_9)).reason()).isEqualTo(DecisionReason.EMPLOYEE_INACTIVE);
        }
    }

    @Nested
    class TheGrant {

        @Test
        void deniesAnEmployeeWithoutAGrantForTheDoorsBuilding() {
            var decision = decide(in("dc-door", "0042", TUESDAY_9));

            assertThat(decision)
                    .extracting(Decision::decision, Decision::reason, Decision::rule, Decision::buildingId)
                    .containsExactly(Outcome.DENIED, DecisionReason.NO_ACCESS_TO_BUILDING, "grant-for-building", "DC");
            facts.with(Grants.to("emp-1", "DC").build());
            assertThat(decide(in("dc-door", "0042", TUESDAY_9)).granted()).isTrue();
        }

        @Test
        void deniesOnTheDayBeforeTheGrantStartsAndAfterItEndsInTheBuildingsTimeZone() {
            // Tokyo is 9 hours ahead: 2026-11-30T15:00Z is already 1 December there.
            facts.with(new Building("HQ", "Head office", ZoneId.of("Asia/Tokyo"), 2))
                    .with(Grants.to("emp-1", "HQ")
                            .between(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))
                            .build());

            assertThat(decide(in(Instant.parse("2026-11-30T14:59:59Z"))).reason())
                    .isEqualTo(DecisionReason.NO_ACCESS_TO_BUILDING);
            assertThat(decide(in(Instant.parse("2026-11-30T15:00:00Z"))).granted())
                    .isTrue();
            assertThat(decide(in(Instant.parse("2026-12-31T14:59:59Z"))).granted())
                    .isTrue();
            assertThat(decide(in(Instant.parse("2026-12-31T15:00:00Z"))).reason())
                    .isEqualTo(DecisionReason.NO_ACCESS_TO_BUILDING);
        }

        @Test
        void deniesOutsideTheScheduleAndGrantsOnItsEdgesInside() {
            facts.with(Grants.to("emp-1", "HQ").officeHours().build());
            var seven = Instant.parse("2026-11-24T07:00:00Z");

            var early = decide(in(seven.minusSeconds(1)));

            assertThat(early)
                    .extracting(Decision::decision, Decision::reason, Decision::rule)
                    .containsExactly(Outcome.DENIED, DecisionReason.OUTSIDE_SCHEDULE, "grant-schedule");
            assertThat(decide(in(seven)).granted()).isTrue();
            assertThat(decide(in(seven.plus(Duration.ofHours(12)).minusSeconds(1)))
                            .granted())
                    .isTrue();
            assertThat(decide(in(seven.plus(Duration.ofHours(12)))).reason())
                    .isEqualTo(DecisionReason.OUTSIDE_SCHEDULE);
            assertThat(decide(in(Instant.parse("2026-11-28T10:00:00Z"))).reason())
                    .as("a Saturday")
                    .isEqualTo(DecisionReason.OUTSIDE_SCHEDULE);
        }

        @Test
        void readsTheScheduleInTheBuildingsTimeZone() {
            facts.with(new Building("HQ", "Head office", ZoneId.of("America/New_York"), 2))
                    .with(Grants.to("emp-1", "HQ").officeHours().build());

            // 07:00 in New York in November is 12:00 UTC.
            assertThat(decide(in(Instant.parse("2026-11-24T11:59:00Z"))).reason())
                    .isEqualTo(DecisionReason.OUTSIDE_SCHEDULE);
            assertThat(decide(in(Instant.parse("2026-11-24T12:00:00Z"))).granted())
                    .isTrue();
        }

        @Test
        void letsANightShiftInAfterMidnightUntilItsEnd() {
            var fridayNights = new Schedule(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
            facts.with(Grants.to("emp-1", "HQ").schedule(fridayNights).build());

            assertThat(decide(in(Instant.parse("2026-11-27T21:59:59Z"))).reason())
                    .isEqualTo(DecisionReason.OUTSIDE_SCHEDULE);
            assertThat(decide(in(Instant.parse("2026-11-27T22:00:00Z"))).granted())
                    .isTrue();
            assertThat(decide(in(Instant.parse("2026-11-28T05:59:59Z"))).granted())
                    .as("Saturday, before six")
                    .isTrue();
            assertThat(decide(in(Instant.parse("2026-11-28T06:00:00Z"))).reason())
                    .isEqualTo(DecisionReason.OUTSIDE_SCHEDULE);
        }
    }

    @Nested
    class TheOrderOfTheRules {

        @Test
        void anUnknownDoorBeatsEverything() {
            facts.with(Cards.in(CardStatus.REVOKED).build());

            var decision = decide(in("door-404", "FFFF", TUESDAY_9));

            assertThat(decision.reason()).isEqualTo(DecisionReason.UNKNOWN_DOOR);
            assertThat(decision.alarms()).as("the card was never read").isEmpty();
        }

        @Test
        void theDirectionOfTheReaderBeatsAnUnknownCard() {
            facts.with(Doors.exitOnly("door-1", "HQ"));

            assertThat(decide(in("door-1", "FFFF", TUESDAY_9)).reason())
                    .isEqualTo(DecisionReason.DIRECTION_NOT_SUPPORTED);
        }

        @Test
        void aRevokedCardBeatsAMissingGrantAndAnExpiredWindow() {
            var noGrant = new InMemoryAccessFacts()
                    .with(Site.HQ)
                    .with(Doors.twoWay("door-1", "HQ"))
                    .with(Cards.in(CardStatus.REVOKED)
                            .validUntil(TUESDAY_9.minusSeconds(60))
                            .build())
                    .with(Employees.active().build());

            assertThat(policy(noGrant).decide(in(TUESDAY_9)).reason()).isEqualTo(DecisionReason.CARD_NOT_ACTIVE);
        }

        @Test
        void anExpiredCardBeatsAnInactiveEmployee() {
            facts.with(Cards.active().validUntil(TUESDAY_9).build())
                    .with(Employees.in(EmployeeStatus.INACTIVE).build());

            assertThat(decide(in(TUESDAY_9)).reason()).isEqualTo(DecisionReason.CARD_EXPIRED);
        }

        @Test
        void anInactiveEmployeeBeatsAMissingGrantWithoutReadingGrants() {
            var bare = new InMemoryAccessFacts()
                    .with(Site.HQ)
                    .with(Doors.twoWay("door-1", "HQ"))
                    .with(Cards.active().build())
                    .with(Employees.in(EmployeeStatus.OFFBOARDED).build());

            assertThat(policy(bare).decide(in(TUESDAY_9)).reason()).isEqualTo(DecisionReason.EMPLOYEE_INACTIVE);
            assertThat(bare.reads()).noneMatch(read -> read.startsWith("grant:"));
        }

        @Test
        void aGrantOutOfItsDatesBeatsItsSchedule() {
            facts.with(Grants.to("emp-1", "HQ")
                    .officeHours()
                    .between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))
                    .build());

            assertThat(decide(in(Instant.parse("2026-11-28T10:00:00Z"))).reason())
                    .isEqualTo(DecisionReason.NO_ACCESS_TO_BUILDING);
        }

        @Test
        void theScheduleBeatsAntiPassbackAndReadsNoPresence() {
            facts.with(Grants.to("emp-1", "HQ").officeHours().build())
                    .with(Presence.unknown("emp-1", "HQ").entered("evt-11", "door-2", TUESDAY_9.minusSeconds(3600)));

            assertThat(decide(in(Instant.parse("2026-11-28T10:00:00Z"))).reason())
                    .isEqualTo(DecisionReason.OUTSIDE_SCHEDULE);
            assertThat(facts.reads()).noneMatch(read -> read.startsWith("presence:"));
        }

        @Test
        void readsTheFactsInRuleOrderForAGrantedEntry() {
            decide(in(TUESDAY_9));

            assertThat(facts.reads())
                    .containsExactly(
                            "door:door-1",
                            "building:HQ",
                            "card:0042",
                            "employee:emp-1",
                            "grant:emp-1/HQ",
                            "anti-passback:HQ",
                            "presence:emp-1/HQ");
        }
    }
}
