package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.in;
import static io.badgeflow.model.access.Site.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.card.Cards;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employees;
import io.badgeflow.model.grant.Grants;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The affiliation-in-force rule: a visitor's days and a contractor's end date end access without anyone acting. */
class AffiliationRuleTests {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    private InMemoryAccessFacts siteWith(Affiliation affiliation) {
        return Site.standard()
                .with(Employees.active().holding("card-1").as(affiliation).build())
                .with(Grants.to("emp-1", "DC").build())
                .with(Cards.active().build());
    }

    @Test
    void aVisitorIsLetInOnTheDayOfTheVisitAndRefusedTheNextDayByThatRule() {
        var facts = siteWith(Affiliation.visitor("host-1", null, DAY, DAY));

        assertThat(policy(facts)
                        .decide(in(Instant.parse("2026-11-24T00:00:00Z")))
                        .granted())
                .isTrue();
        var nextDay = policy(facts).decide(in(Instant.parse("2026-11-25T00:00:00Z")));

        assertThat(nextDay.granted()).isFalse();
        assertThat(nextDay.reason()).isEqualTo(DecisionReason.AFFILIATION_NOT_IN_FORCE);
        assertThat(nextDay.rule()).isEqualTo("affiliation-in-force");
        assertThat(nextDay.employeeId()).isEqualTo("emp-1");
    }

    @Test
    void aVisitorIsRefusedTheDayBefore() {
        var facts = siteWith(Affiliation.visitor("host-1", null, DAY, DAY));

        assertThat(policy(facts)
                        .decide(in(Instant.parse("2026-11-23T23:59:59Z")))
                        .reason())
                .isEqualTo(DecisionReason.AFFILIATION_NOT_IN_FORCE);
    }

    @Test
    void theSameMomentIsJudgedInEachBuildingsTimeZone() {
        var facts = siteWith(Affiliation.visitor("host-1", null, DAY, DAY));
        // 23:30 UTC on the 24th: still the 24th in London (HQ), already the 25th in Amsterdam (DC).
        var lateEvening = Instant.parse("2026-11-24T23:30:00Z");

        assertThat(policy(facts).decide(in("door-1", "0042", lateEvening)).granted())
                .isTrue();
        assertThat(policy(facts).decide(in("dc-door", "0042", lateEvening)).reason())
                .isEqualTo(DecisionReason.AFFILIATION_NOT_IN_FORCE);
    }

    @Test
    void aContractorIsRefusedFromTheDayAfterTheEndDate() {
        var facts = siteWith(Affiliation.contractor("Acme Ltd", null, null, DAY));

        assertThat(policy(facts)
                        .decide(in(Instant.parse("2026-11-24T23:59:00Z")))
                        .granted())
                .isTrue();
        assertThat(policy(facts)
                        .decide(in(Instant.parse("2026-11-25T08:00:00Z")))
                        .reason())
                .isEqualTo(DecisionReason.AFFILIATION_NOT_IN_FORCE);
    }

    @Test
    void aVisitorWithinTheVisitButWithoutAGrantForTheBuildingIsRefusedByTheGrantRule() {
        var facts = Site.standard()
                .with(Employees.active()
                        .holding("card-1")
                        .as(Affiliation.visitor("host-1", null, DAY, DAY))
                        .build());

        assertThat(policy(facts)
                        .decide(in("dc-door", "0042", Instant.parse("2026-11-24T10:00:00Z")))
                        .reason())
                .isEqualTo(DecisionReason.NO_ACCESS_TO_BUILDING);
    }

    @Test
    void anAllowListKeepsAVisitNotStartedYetAndDropsAnEndedOne() {
        var facts = siteWith(Affiliation.visitor("host-1", null, DAY, DAY));
        var candidate = new Candidate(
                facts.employee("emp-1").orElseThrow(),
                facts.cardByNumber("0042").orElseThrow(),
                java.util.List.of(Grants.to("emp-1", "HQ").build()));
        var policy = policy(facts);

        assertThat(policy.mayEnterThroughFrom(candidate, "door-1", Instant.parse("2026-11-23T12:00:00Z"))
                        .granted())
                .isTrue();
        assertThat(policy.mayEnterThroughFrom(candidate, "door-1", Instant.parse("2026-11-25T00:00:00Z"))
                        .reason())
                .isEqualTo(DecisionReason.AFFILIATION_NOT_IN_FORCE);
    }
}
