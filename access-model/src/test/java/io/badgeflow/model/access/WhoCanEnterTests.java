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
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.employee.Employees;
import io.badgeflow.model.grant.Grants;
import io.badgeflow.model.presence.Presence;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WhoCanEnterTests {

    private static final Instant SATURDAY_10 = Instant.parse("2026-11-28T10:00:00Z");

    /** One candidate per way of being let in or kept out. */
    private static final List<Candidate> CANDIDATES = List.of(
            candidate("emp-ok", Cards.active(), Grants.to("emp-ok", "HQ")),
            candidate(
                    "emp-office-hours",
                    Cards.active(),
                    Grants.to("emp-office-hours", "HQ").officeHours()),
            candidate("emp-other-building", Cards.active(), Grants.to("emp-other-building", "DC")),
            candidate("emp-suspended", Cards.in(CardStatus.SUSPENDED), Grants.to("emp-suspended", "HQ")),
            candidate("emp-expired", Cards.active().validUntil(TUESDAY_9), Grants.to("emp-expired", "HQ")),
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
    void listsExactlyThoseASwipeAtTheDoorWouldLetInAtTheSameMoment() {
        CANDIDATES.forEach(facts::with);

        for (var at : List.of(TUESDAY_9.minusSeconds(7200), TUESDAY_9.minusSeconds(1), TUESDAY_9, SATURDAY_10)) {
            var listed = policy(facts).whoCanEnter("door-1", at, CANDIDATES).stream()
                    .map(Decision::employeeId)
                    .toList();
            var bySwipe = CANDIDATES.stream()
                    .filter(c -> c.card() != null)
                    .filter(c -> policy(facts)
                            .decide(in("door-1", c.card().cardNumber(), at))
                            .granted())
                    .map(Candidate::employeeId)
                    .toList();

            assertThat(listed).as("at %s", at).isEqualTo(bySwipe);
        }
        assertThat(policy(facts).whoCanEnter("door-1", TUESDAY_9, CANDIDATES))
                .extracting(Decision::employeeId)
                .containsExactly("emp-ok", "emp-office-hours");
        assertThat(policy(facts).whoCanEnter("door-1", SATURDAY_10, CANDIDATES))
                .extracting(Decision::employeeId)
                .containsExactly("emp-ok");
    }

    @Test
    void explainsEachCandidateWithTheSameRuleAndReasonAsTheirSwipe() {
        CANDIDATES.forEach(facts::with);

        for (var candidate : CANDIDATES.stream().filter(c -> c.card() != null).toList()) {
            var asked = policy(facts).canEnterThrough(candidate, "door-1", TUESDAY_9.minusSeconds(1));
            var swiped = policy(facts).decide(in("door-1", candidate.card().cardNumber(), TUESDAY_9.minusSeconds(1)));

            assertThat(asked)
                    .as(candidate.employeeId())
                    .extracting(Decision::decision, Decision::reason, Decision::rule, Decision::cardStatus)
                    .containsExactly(swiped.decision(), swiped.reason(), swiped.rule(), swiped.cardStatus());
            assertThat(asked.eventId()).isNull();
        }
    }

    @Test
    void answersWithoutACardThatThereIsNoCard() {
        var noCard =
                CANDIDATES.stream().filter(c -> c.card() == null).findFirst().orElseThrow();

        var decision = policy(facts).canEnter(noCard, HQ, TUESDAY_9);

        assertThat(decision)
                .extracting(Decision::decision, Decision::reason, Decision::rule)
                .containsExactly(Outcome.DENIED, DecisionReason.NO_CARD, "card-known");
    }

    @Test
    void leavesPresenceOutOfTheQuestion() {
        var ok = CANDIDATES.getFirst();
        facts.with(ok).with(Presence.unknown("emp-ok", "HQ").entered("evt-12", "door-2", TUESDAY_9.minusSeconds(60)));

        assertThat(policy(facts)
                        .decide(in("door-1", ok.card().cardNumber(), TUESDAY_9))
                        .reason())
                .isEqualTo(DecisionReason.ANTI_PASSBACK);
        assertThat(policy(facts).whoCanEnter("door-1", TUESDAY_9, List.of(ok))).hasSize(1);
        assertThat(facts.reads())
                .filteredOn(read -> read.startsWith("presence:"))
                .hasSize(1);
    }

    @Test
    void listsNobodyAtAnExitOnlyReaderOrAnUnknownDoor() {
        facts.with(Doors.exitOnly("exit-1", "HQ"));

        assertThat(policy(facts).whoCanEnter("exit-1", TUESDAY_9, CANDIDATES)).isEmpty();
        assertThat(policy(facts).whoCanEnter("door-404", TUESDAY_9, CANDIDATES)).isEmpty();
        assertThat(policy(facts)
                        .canEnterThrough(CANDIDATES.getFirst(), "exit-1", TUESDAY_9)
                        .reason())
                .isEqualTo(DecisionReason.DIRECTION_NOT_SUPPORTED);
    }

    @Test
    void answersForABuildingAsForItsTwoWayDoor() {
        for (var at : List.of(TUESDAY_9, SATURDAY_10)) {
            var byBuilding = policy(facts).whoCanEnter(HQ, at, CANDIDATES);
            var byDoor = policy(facts).whoCanEnter("door-1", at, CANDIDATES);

            assertThat(byBuilding)
                    .extracting(Decision::employeeId)
                    .isEqualTo(byDoor.stream().map(Decision::employeeId).toList());
            assertThat(byBuilding).allSatisfy(decision -> {
                assertThat(decision.doorId()).isNull();
                assertThat(decision.buildingId()).isEqualTo("HQ");
            });
        }
    }

    @Test
    void answersWhetherOneEmployeeCanEnterABuildingAtAMoment() {
        var officeHours = CANDIDATES.get(1);

        assertThat(policy(facts).canEnter(officeHours, HQ, TUESDAY_9).granted()).isTrue();
        assertThat(policy(facts).canEnter(officeHours, HQ, SATURDAY_10))
                .extracting(Decision::reason, Decision::rule)
                .containsExactly(DecisionReason.OUTSIDE_SCHEDULE, "grant-schedule");
        assertThat(policy(facts).canEnter(officeHours, Site.DC, TUESDAY_9).reason())
                .isEqualTo(DecisionReason.NO_ACCESS_TO_BUILDING);
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
