package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.HQ;
import static io.badgeflow.model.access.Site.TUESDAY_9;
import static io.badgeflow.model.access.Site.in;
import static io.badgeflow.model.access.Site.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.card.Cards;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Doors;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.employee.Employees;
import io.badgeflow.model.grant.Grants;
import io.badgeflow.model.offline.AllowListEntry;
import io.badgeflow.model.offline.AllowListFacts;
import io.badgeflow.model.offline.AllowLists;
import io.badgeflow.model.presence.Presence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A door's allow-list is made by the entry rules and read back by them: it lists exactly those some moment from
 * now could let in, and a door deciding from it alone answers every swipe as the service would (anti-passback
 * aside, which needs to know who is inside).
 */
class AllowListRulesTests {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    /** One candidate per way of being listed or left out. */
    private static final List<Candidate> CANDIDATES = List.of(
            candidate("emp-ok", Cards.active(), Grants.to("emp-ok", "HQ")),
            candidate(
                    "emp-office-hours",
                    Cards.active(),
                    Grants.to("emp-office-hours", "HQ").officeHours()),
            candidate(
                    "emp-card-from-friday",
                    Cards.active().validFrom(TUESDAY_9.plus(Duration.ofDays(3))),
                    Grants.to("emp-card-from-friday", "HQ")),
            candidate(
                    "emp-card-until-noon",
                    Cards.active().validUntil(TUESDAY_9.plus(Duration.ofHours(3))),
                    Grants.to("emp-card-until-noon", "HQ")),
            candidate(
                    "emp-grant-next-week",
                    Cards.active(),
                    Grants.to("emp-grant-next-week", "HQ").between(TUESDAY.plusDays(7), TUESDAY.plusDays(14))),
            candidate(
                    "emp-grant-ended",
                    Cards.active(),
                    Grants.to("emp-grant-ended", "HQ").between(TUESDAY.minusDays(7), TUESDAY.minusDays(1))),
            candidate("emp-expired", Cards.active().validUntil(TUESDAY_9), Grants.to("emp-expired", "HQ")),
            candidate("emp-other-building", Cards.active(), Grants.to("emp-other-building", "DC")),
            candidate("emp-suspended", Cards.in(CardStatus.SUSPENDED), Grants.to("emp-suspended", "HQ")),
            candidate("emp-revoked", Cards.in(CardStatus.REVOKED), Grants.to("emp-revoked", "HQ")),
            new Candidate(
                    Employees.active()
                            .id("emp-inactive")
                            .status(EmployeeStatus.INACTIVE)
                            .holding("card-emp-inactive")
                            .build(),
                    card("emp-inactive", Cards.active()),
                    List.of(Grants.to("emp-inactive", "HQ").build())),
            new Candidate(
                    Employees.active().id("emp-no-card").build(),
                    null,
                    List.of(Grants.to("emp-no-card", "HQ").build())),
            candidate("emp-no-grant", Cards.active(), null));

    private final InMemoryAccessFacts facts = Site.standard();

    @Test
    void listsThoseSomeMomentFromNowOnCouldLetInAndNobodyElse() {
        var entries = listAt(TUESDAY_9);

        assertThat(entries)
                .extracting(AllowListEntry::employeeId)
                .containsExactlyInAnyOrder(
                        "emp-ok",
                        "emp-office-hours",
                        "emp-card-from-friday",
                        "emp-card-until-noon",
                        "emp-grant-next-week");
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry.cardKey())
                        .isEqualTo(AllowListEntry.cardKey("door-1", "N-" + entry.employeeId()))
                        .doesNotContain(entry.employeeId()));
    }

    @Test
    void carriesTheWindowsTheRulesJudgeAtTheMoment() {
        var officeHours = entryOf("emp-office-hours");
        var nextWeek = entryOf("emp-grant-next-week");
        var untilNoon = entryOf("emp-card-until-noon");

        assertThat(officeHours.schedule()).isEqualTo(Grants.OFFICE_HOURS);
        assertThat(nextWeek.grantValidFrom()).isEqualTo(TUESDAY.plusDays(7));
        assertThat(nextWeek.grantValidUntil()).isEqualTo(TUESDAY.plusDays(14));
        assertThat(untilNoon.cardValidUntil()).isEqualTo(TUESDAY_9.plus(Duration.ofHours(3)));
    }

    @Test
    void decidesFromTheListAloneAsTheServiceDecidesEverySwipeThatWeek() {
        CANDIDATES.forEach(facts::with);
        var list = AllowLists.of(Doors.twoWay("door-1", "HQ"), HQ, listAt(TUESDAY_9), 7, TUESDAY_9);
        var offline = policy(new AllowListFacts(list));
        var checked = new ArrayList<String>();

        for (var at = TUESDAY_9;
                at.isBefore(TUESDAY_9.plus(Duration.ofDays(16)));
                at = at.plus(Duration.ofMinutes(97))) {
            for (var candidate :
                    CANDIDATES.stream().filter(c -> c.card() != null).toList()) {
                var number = candidate.card().cardNumber();
                var online = policy(facts).decide(in("door-1", number, at));
                var atTheDoor = offline.decide(in("door-1", number, at));

                assertThat(atTheDoor.granted())
                        .as("%s at %s", candidate.employeeId(), at)
                        .isEqualTo(online.granted());
                if (list.entryFor(number).isPresent()) {
                    assertThat(atTheDoor)
                            .as("%s at %s", candidate.employeeId(), at)
                            .extracting(Decision::reason, Decision::rule, Decision::cardId, Decision::employeeId)
                            .containsExactly(online.reason(), online.rule(), online.cardId(), online.employeeId());
                } else {
                    assertThat(atTheDoor.reason()).isEqualTo(DecisionReason.UNKNOWN_CARD);
                }
                checked.add(online.reason().name());
            }
        }
        assertThat(Set.copyOf(checked))
                .contains("GRANTED", "OUTSIDE_SCHEDULE", "CARD_EXPIRED", "NO_ACCESS_TO_BUILDING", "CARD_NOT_ACTIVE");
    }

    @Test
    void leavesAntiPassbackToTheServiceAndExitsAlwaysOpen() {
        var ok = CANDIDATES.getFirst();
        facts.with(ok).with(Presence.unknown("emp-ok", "HQ").entered("evt-1", "door-2", TUESDAY_9.minusSeconds(60)));
        var list = AllowLists.of(Doors.twoWay("door-1", "HQ"), HQ, listAt(TUESDAY_9), 1, TUESDAY_9);
        var offline = policy(new AllowListFacts(list));

        assertThat(policy(facts).decide(in("door-1", "N-emp-ok", TUESDAY_9)).reason())
                .isEqualTo(DecisionReason.ANTI_PASSBACK);
        assertThat(offline.decide(in("door-1", "N-emp-ok", TUESDAY_9)).reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(offline.decide(Site.out("door-1", "N-unknown", TUESDAY_9)).reason())
                .isEqualTo(DecisionReason.EXIT);
    }

    @Test
    void listsNobodyAtAnExitOnlyReader() {
        var exit = Doors.exitOnly("exit-1", "HQ");
        facts.with(exit);

        assertThat(AllowLists.entries(policy(facts), exit, HQ, TUESDAY_9, CANDIDATES))
                .isEmpty();
    }

    private List<AllowListEntry> listAt(Instant at) {
        return AllowLists.entries(policy(facts), Doors.twoWay("door-1", "HQ"), HQ, at, CANDIDATES);
    }

    private AllowListEntry entryOf(String employeeId) {
        return listAt(TUESDAY_9).stream()
                .filter(entry -> entry.employeeId().equals(employeeId))
                .findFirst()
                .orElseThrow();
    }

    private static Candidate candidate(String employeeId, Cards card, Grants grant) {
        var grants = Stream.ofNullable(grant).map(Grants::build).toList();
        return new Candidate(
                Employees.active().id(employeeId).holding("card-" + employeeId).build(),
                card(employeeId, card),
                grants);
    }

    private static Card card(String employeeId, Cards card) {
        return card.number("card-" + employeeId, "N-" + employeeId)
                .employeeId(employeeId)
                .build();
    }
}
