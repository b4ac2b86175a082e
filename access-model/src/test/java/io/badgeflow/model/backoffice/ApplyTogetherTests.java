package io.badgeflow.model.backoffice;

import static io.badgeflow.model.command.Commands.NOW;
import static io.badgeflow.model.command.Commands.grant;
import static io.badgeflow.model.command.Commands.issueCard;
import static io.badgeflow.model.command.Commands.registerBuilding;
import static io.badgeflow.model.command.Commands.registerEmployee;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.BackOfficeStore.ConcurrentChangeException;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplyTogetherTests {

    private final InMemoryBackOfficeStore store = new InMemoryBackOfficeStore();
    private final CommandApplier applier =
            new CommandApplier(store, store, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC), Duration.ofMinutes(2));

    @BeforeEach
    void twoBuildings() {
        applier.apply(registerBuilding("HQ"), "k");
        applier.apply(registerBuilding("LAB"), "k");
    }

    @Test
    void onboardsAnEmployeeWithCardAndGrantsInOneCommit() {
        var commits = store.commits;

        var records = applier.applyTogether(
                row("emp-1", "E-1", "card-1", "0001", "HQ", "LAB"), "imports/a.csv", new BuildingCache(), Set.of());

        assertThat(records).extracting(CommandRecord::status).containsOnly(CommandStatus.APPLIED);
        assertThat(store.commits).isEqualTo(commits + 1);
        var employee = store.employees.get("emp-1");
        assertThat(employee.currentCardId()).isEqualTo("card-1");
        assertThat(employee.version()).isEqualTo(1);
        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(store.cards.get("card-1").version()).isEqualTo(1);
        assertThat(store.grantsOf("emp-1")).extracting(g -> g.buildingId()).containsExactly("HQ", "LAB");
        assertThat(store.claims)
                .containsEntry("EMPLOYEE_NUMBER/E-1", "emp-1")
                .containsEntry("CARD_NUMBER/0001", "card-1");
        assertThat(store.records)
                .containsKeys(records.stream().map(CommandRecord::commandId).toArray(String[]::new));
    }

    @Test
    void rejectsTheWholeRowWhenItsEmployeeNumberIsTaken() {
        applier.applyTogether(row("emp-1", "E-1", "card-1", "0001", "HQ"), "k", new BuildingCache(), Set.of());

        var records =
                applier.applyTogether(row("emp-2", "E-1", "card-2", "0002", "HQ"), "k", new BuildingCache(), Set.of());

        assertThat(records)
                .extracting(CommandRecord::reason)
                .containsExactly(
                        RejectionReason.EMPLOYEE_NUMBER_TAKEN,
                        RejectionReason.GROUP_REJECTED,
                        RejectionReason.GROUP_REJECTED);
        assertThat(store.employees).doesNotContainKey("emp-2");
        assertThat(store.cards).doesNotContainKey("card-2");
        assertThat(store.claims).doesNotContainKey("CARD_NUMBER/0002");
    }

    @Test
    void rejectsTheWholeRowAtOnceWhenABuildingIsUnknown() {
        var records = applier.applyTogether(
                row("emp-1", "E-1", "card-1", "0001", "HQ", "NOWHERE"), "k", new BuildingCache(), Set.of());

        assertThat(records)
                .extracting(CommandRecord::reason)
                .containsExactly(
                        RejectionReason.GROUP_REJECTED,
                        RejectionReason.GROUP_REJECTED,
                        RejectionReason.GROUP_REJECTED,
                        RejectionReason.BUILDING_NOT_FOUND);
        assertThat(records.get(0).message()).contains("GrantAccess", "BUILDING_NOT_FOUND");
        assertThat(store.employees).doesNotContainKey("emp-1");
    }

    @Test
    void answersARedeliveredRowFromTheLog() {
        var row = row("emp-1", "E-1", "card-1", "0001", "HQ");
        var first = applier.applyTogether(row, "k", new BuildingCache(), Set.of());
        var commits = store.commits;

        var again = applier.applyTogether(row, "k", new BuildingCache(), Set.of());

        assertThat(again).isEqualTo(first);
        assertThat(store.commits).isEqualTo(commits);
    }

    @Test
    void decidesTheRowAgainWhenTheCommitMeetsAConcurrentChange() {
        store.beforeNextCommit(() -> {
            throw new ConcurrentChangeException("moved");
        });

        var records =
                applier.applyTogether(row("emp-1", "E-1", "card-1", "0001", "HQ"), "k", new BuildingCache(), Set.of());

        assertThat(records).extracting(CommandRecord::status).containsOnly(CommandStatus.APPLIED);
    }

    @Test
    void supersedesAnExistingCardWhenTheRowIssuesANewOneToAKnownEmployee() {
        applier.applyTogether(row("emp-1", "E-1", "card-1", "0001", "HQ"), "k", new BuildingCache(), Set.of());

        var records = applier.applyTogether(
                List.of(issueCard("card-2", "0002", "emp-1"), grant("emp-1", "LAB")),
                "k",
                new BuildingCache(),
                Set.of());

        assertThat(records).extracting(CommandRecord::status).containsOnly(CommandStatus.APPLIED);
        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.SUPERSEDED);
        assertThat(store.employees.get("emp-1").version()).isEqualTo(2);
        assertThat(store.grantsOf("emp-1")).hasSize(2);
    }

    @Test
    void presumesMintedIdsFreeButFindsOutAtCommitWhenOneIsTaken() {
        applier.applyTogether(row("emp-1", "E-1", "card-1", "0001", "HQ"), "k", new BuildingCache(), Set.of());

        var records = applier.applyTogether(
                row("emp-1", "E-2", "card-2", "0002", "HQ"), "k", new BuildingCache(), Set.of("emp-1", "card-2"));

        assertThat(records.getFirst().reason()).isEqualTo(RejectionReason.EMPLOYEE_ALREADY_EXISTS);
        assertThat(store.cards).doesNotContainKey("card-2");
    }

    @Test
    void answersARedeliveredRowWithMintedIdsFromTheLog() {
        var row = row("emp-1", "E-1", "card-1", "0001", "HQ");
        var first = applier.applyTogether(row, "k", new BuildingCache(), Set.of("emp-1", "card-1"));

        var again = applier.applyTogether(row, "k", new BuildingCache(), Set.of("emp-1", "card-1"));

        assertThat(again).isEqualTo(first);
    }

    private static List<Command> row(
            String employeeId, String number, String cardId, String cardNumber, String... buildings) {
        var commands = new java.util.ArrayList<Command>();
        commands.add(
                registerEmployee().employeeId(employeeId).employeeNumber(number).build());
        commands.add(issueCard(cardId, cardNumber, employeeId));
        for (var building : buildings) {
            commands.add(grant(employeeId, building));
        }
        return commands;
    }
}
