package io.badgeflow.model.backoffice;

import static io.badgeflow.model.command.Commands.NOW;
import static io.badgeflow.model.command.Commands.antiPassback;
import static io.badgeflow.model.command.Commands.deactivate;
import static io.badgeflow.model.command.Commands.erase;
import static io.badgeflow.model.command.Commands.grant;
import static io.badgeflow.model.command.Commands.issueCard;
import static io.badgeflow.model.command.Commands.link;
import static io.badgeflow.model.command.Commands.offboard;
import static io.badgeflow.model.command.Commands.reactivate;
import static io.badgeflow.model.command.Commands.registerBuilding;
import static io.badgeflow.model.command.Commands.registerDoor;
import static io.badgeflow.model.command.Commands.registerEmployee;
import static io.badgeflow.model.command.Commands.renumberEmployee;
import static io.badgeflow.model.command.Commands.reportLost;
import static io.badgeflow.model.command.Commands.resume;
import static io.badgeflow.model.command.Commands.revokeAccess;
import static io.badgeflow.model.command.Commands.revokeCard;
import static io.badgeflow.model.command.Commands.rotateKey;
import static io.badgeflow.model.command.Commands.suspend;
import static io.badgeflow.model.command.Commands.unlink;
import static io.badgeflow.model.command.Commands.updateEmployee;
import static io.badgeflow.model.command.Commands.validity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.BackOfficeStore.ConcurrentChangeException;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.presence.AntiPassback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandApplierTests {

    private static final Instant FINISHED = NOW.plusSeconds(1);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final InMemoryBackOfficeStore store = new InMemoryBackOfficeStore();
    private final CommandApplier applier =
            new CommandApplier(store, store, Clock.fixed(FINISHED, ZoneOffset.UTC), WAIT);

    @BeforeEach
    void aBuildingAndAnEmployee() {
        applied(registerBuilding("HQ"));
        applied(registerEmployee().employeeId("emp-1").employeeNumber("E-1").build());
    }

    @Test
    void registersAnEmployeeActiveAndRecordsTheCommandWithIt() {
        var command =
                registerEmployee().employeeId("emp-2").employeeNumber("E-2").build();

        var record = applier.apply(command, "commands/" + command.commandId() + ".json");

        assertThat(record.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(record.type()).isEqualTo("RegisterEmployee");
        assertThat(record.employeeId()).isEqualTo("emp-2");
        assertThat(record.finishedAt()).isEqualTo(FINISHED);
        assertThat(store.employees.get("emp-2").status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(store.claims).containsEntry("EMPLOYEE_NUMBER/E-2", "emp-2");
        assertThat(store.records).containsKey(command.commandId());
    }

    @Test
    void answersARedeliveryFromTheLogWithoutWritingAgain() {
        var command =
                registerEmployee().employeeId("emp-2").employeeNumber("E-2").build();
        var first = applier.apply(command, "k");
        var commits = store.commits;

        var second = applier.apply(command, "k");

        assertThat(second).isEqualTo(first);
        assertThat(store.commits).isEqualTo(commits);
    }

    @Test
    void rejectsASecondRegistrationOfTheSameEmployeeId() {
        var record = applier.apply(
                registerEmployee().employeeId("emp-1").employeeNumber("E-9").build(), "k");

        assertRejected(record, RejectionReason.EMPLOYEE_ALREADY_EXISTS);
        assertThat(store.claims).doesNotContainKey("EMPLOYEE_NUMBER/E-9");
    }

    @Test
    void rejectsAnEmployeeNumberHeldByAnotherEmployee() {
        var record = applier.apply(
                registerEmployee().employeeId("emp-2").employeeNumber("E-1").build(), "k");

        assertRejected(record, RejectionReason.EMPLOYEE_NUMBER_TAKEN);
        assertThat(store.employees).doesNotContainKey("emp-2");
    }

    @Test
    void movesTheNumberClaimWhenAnUpdateRenumbersTheEmployee() {
        applied(renumberEmployee("emp-1", "E-77"));

        assertThat(store.claims)
                .containsEntry("EMPLOYEE_NUMBER/E-77", "emp-1")
                .doesNotContainKey("EMPLOYEE_NUMBER/E-1");
        assertThat(store.employees.get("emp-1").employeeNumber()).isEqualTo("E-77");
    }

    @Test
    void rejectsAnUpdateOlderThanTheRegistration() {
        assertRejected(
                applier.apply(updateEmployee("emp-1", "Byron", NOW.minusSeconds(60)), "k"),
                RejectionReason.STALE_UPDATE);
    }

    @Test
    void deactivatesAndReactivatesAnEmployee() {
        applied(deactivate("emp-1"));
        assertThat(store.employees.get("emp-1").status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertRejected(applier.apply(deactivate("emp-1"), "k"), RejectionReason.EMPLOYEE_ALREADY_INACTIVE);

        applied(reactivate("emp-1"));
        assertThat(store.employees.get("emp-1").status()).isEqualTo(EmployeeStatus.ACTIVE);
    }

    @Test
    void issuesACardLinkedAndActiveAndMakesItTheEmployeesCurrentCard() {
        var record = applied(issueCard("card-1", "0001", "emp-1"));

        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(store.employees.get("emp-1").currentCardId()).isEqualTo("card-1");
        assertThat(store.claims).containsEntry("CARD_NUMBER/0001", "card-1");
        assertThat(record.employeeId()).isEqualTo("emp-1");
        assertThat(record.subjectId()).isEqualTo("card-1");
    }

    @Test
    void supersedesTheCurrentCardWhenANewOneIsIssued() {
        applied(issueCard("card-1", "0001", "emp-1"));
        applied(suspend("card-1"));

        applied(issueCard("card-2", "0002", "emp-1"));

        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.SUPERSEDED);
        assertThat(store.cards.get("card-2").status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(store.employees.get("emp-1").currentCardId()).isEqualTo("card-2");
        assertThat(store.employees.get("emp-1").cardIds()).containsExactly("card-1", "card-2");
    }

    @Test
    void rejectsACardNumberAlreadyIssued() {
        applied(issueCard("card-1", "0001", null));

        assertRejected(applier.apply(issueCard("card-2", "0001", "emp-1"), "k"), RejectionReason.CARD_NUMBER_TAKEN);
        assertThat(store.cards).doesNotContainKey("card-2");
        assertThat(store.employees.get("emp-1").currentCardId()).isNull();
    }

    @Test
    void rejectsIssuingTheSameCardIdTwice() {
        applied(issueCard("card-1", "0001", null));

        assertRejected(applier.apply(issueCard("card-1", "0002", null), "k"), RejectionReason.CARD_ALREADY_EXISTS);
    }

    @Test
    void linksACardInStockToAnEmployeeWithoutCard() {
        applied(issueCard("card-1", "0001", null));

        applied(link("card-1", "emp-1"));

        assertThat(store.cards.get("card-1").employeeId()).isEqualTo("emp-1");
        assertThat(store.employees.get("emp-1").currentCardId()).isEqualTo("card-1");
    }

    @Test
    void refusesToLinkASecondCardToAnEmployeeWhoHoldsOne() {
        applied(issueCard("card-1", "0001", "emp-1"));
        applied(issueCard("card-2", "0002", null));

        assertRejected(applier.apply(link("card-2", "emp-1"), "k"), RejectionReason.EMPLOYEE_HAS_CARD);
        assertThat(store.cards.get("card-2").status()).isEqualTo(CardStatus.ISSUED);
    }

    @Test
    void refusesToLinkACardAlreadyLinkedToSomeoneElse() {
        applied(registerEmployee().employeeId("emp-2").employeeNumber("E-2").build());
        applied(issueCard("card-1", "0001", "emp-1"));

        assertRejected(applier.apply(link("card-1", "emp-2"), "k"), RejectionReason.CARD_ALREADY_LINKED);
    }

    @Test
    void unlinksACardBackIntoStock() {
        applied(issueCard("card-1", "0001", "emp-1"));

        applied(unlink("card-1"));

        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.ISSUED);
        assertThat(store.employees.get("emp-1").currentCardId()).isNull();
        assertThat(store.employees.get("emp-1").cardIds()).isEmpty();
    }

    @Test
    void suspendsResumesAndSetsValidityOnTheCardOnly() {
        applied(issueCard("card-1", "0001", "emp-1"));
        var employeeVersion = store.employees.get("emp-1").version();

        applied(suspend("card-1"));
        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.SUSPENDED);
        applied(resume("card-1"));
        applied(validity("card-1", null, NOW.plusSeconds(3600), NOW));

        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(store.cards.get("card-1").validUntil()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(store.employees.get("emp-1").version()).isEqualTo(employeeVersion);
    }

    @Test
    void freesTheEmployeeForANewCardWhenTheirCardIsLost() {
        applied(issueCard("card-1", "0001", "emp-1"));

        applied(reportLost("card-1"));

        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.LOST);
        assertThat(store.employees.get("emp-1").currentCardId()).isNull();
        assertThat(store.employees.get("emp-1").cardIds()).containsExactly("card-1");
        assertRejected(applier.apply(resume("card-1"), "k"), RejectionReason.CARD_TERMINAL);
    }

    @Test
    void revokesACardInStockWithoutTouchingAnyEmployee() {
        applied(issueCard("card-1", "0001", null));

        applied(revokeCard("card-1"));

        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.REVOKED);
        assertRejected(applier.apply(revokeCard("card-1"), "k"), RejectionReason.CARD_TERMINAL);
    }

    @Test
    void offboardingRevokesTheCardRemovesEveryGrantAndFreesTheNumberInOneCommit() {
        applied(registerBuilding("LAB"));
        applied(issueCard("card-1", "0001", "emp-1"));
        applied(grant("emp-1", "HQ"));
        applied(grant("emp-1", "LAB"));
        var commits = store.commits;

        applied(offboard("emp-1"));

        assertThat(store.commits).isEqualTo(commits + 1);
        assertThat(store.employees.get("emp-1").status()).isEqualTo(EmployeeStatus.OFFBOARDED);
        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.REVOKED);
        assertThat(store.grantsOf("emp-1")).isEmpty();
        assertThat(store.claims).doesNotContainKey("EMPLOYEE_NUMBER/E-1");
    }

    @Test
    void offboardingLeavesALostCardLost() {
        applied(issueCard("card-1", "0001", "emp-1"));
        applied(reportLost("card-1"));

        applied(offboard("emp-1"));

        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.LOST);
    }

    @Test
    void refusesEveryChangeToAnOffboardedEmployee() {
        applied(offboard("emp-1"));

        assertRejected(applier.apply(offboard("emp-1"), "k"), RejectionReason.EMPLOYEE_OFFBOARDED);
        assertRejected(applier.apply(issueCard("card-1", "0001", "emp-1"), "k"), RejectionReason.EMPLOYEE_OFFBOARDED);
        assertRejected(applier.apply(grant("emp-1", "HQ"), "k"), RejectionReason.EMPLOYEE_OFFBOARDED);
        assertRejected(applier.apply(reactivate("emp-1"), "k"), RejectionReason.EMPLOYEE_OFFBOARDED);
        assertThat(store.cards).doesNotContainKey("card-1");
    }

    @Test
    void erasesAnOffboardedEmployeesPersonalDataAndKeepsIdsNumberAndCardHistory() {
        applied(issueCard("card-1", "0001", "emp-1"));
        applied(offboard("emp-1"));

        var record = applied(erase("emp-1", "data subject request, ticket 4711"));

        var erased = store.employees.get("emp-1");
        assertThat(erased.status()).isEqualTo(EmployeeStatus.ERASED);
        assertThat(erased.givenName()).isNull();
        assertThat(erased.familyName()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.department()).isNull();
        assertThat(erased.employeeNumber()).isEqualTo("E-1");
        assertThat(erased.cardIds()).containsExactly("card-1");
        assertThat(record.type()).isEqualTo("EraseEmployee");
        assertThat(record.employeeId()).isEqualTo("emp-1");
        assertThat(record.message()).isEqualTo("data subject request, ticket 4711");
    }

    @Test
    void refusesToEraseSomeoneNotOffboardedOrAlreadyErased() {
        assertRejected(applier.apply(erase("emp-1", "why"), "k"), RejectionReason.EMPLOYEE_NOT_OFFBOARDED);
        assertThat(store.employees.get("emp-1").givenName()).isNotNull();

        applied(offboard("emp-1"));
        applied(erase("emp-1", "why"));

        assertRejected(applier.apply(erase("emp-1", "again"), "k"), RejectionReason.EMPLOYEE_ERASED);
        assertRejected(applier.apply(offboard("emp-1"), "k"), RejectionReason.EMPLOYEE_ERASED);
        assertRejected(applier.apply(reactivate("emp-1"), "k"), RejectionReason.EMPLOYEE_ERASED);
        assertRejected(
                applier.apply(updateEmployee("emp-1", "Back", NOW.plusSeconds(60)), "k"),
                RejectionReason.EMPLOYEE_ERASED);
        assertThat(store.employees.get("emp-1").familyName()).isNull();
    }

    @Test
    void grantsAndRegrantsWithTheEmployeesVersionBumped() {
        var before = store.employees.get("emp-1").version();

        applied(grant("emp-1", "HQ"));
        applied(grant("emp-1", "HQ"));

        assertThat(store.grant("emp-1", "HQ"))
                .get()
                .extracting(g -> g.version())
                .isEqualTo(2L);
        assertThat(store.employees.get("emp-1").version()).isEqualTo(before + 2);
    }

    @Test
    void revokesAGrant() {
        applied(grant("emp-1", "HQ"));

        applied(revokeAccess("emp-1", "HQ"));

        assertThat(store.grantsOf("emp-1")).isEmpty();
    }

    @Test
    void refusesMoreGrantsThanOneOffboardingTransactionCanRemove() {
        for (var i = 0; i < GrantDecisions.MAX_GRANTS_PER_EMPLOYEE; i++) {
            applied(registerBuilding("B" + i));
            applied(grant("emp-1", "B" + i));
        }

        assertRejected(applier.apply(grant("emp-1", "HQ"), "k"), RejectionReason.TOO_MANY_GRANTS);
        assertThat(applier.apply(grant("emp-1", "B0"), "k").status()).isEqualTo(CommandStatus.APPLIED);
    }

    @Test
    void registersADoorOfAKnownBuildingAndRotatesItsKey() {
        applied(registerDoor("door-1", "HQ"));
        var key = DeviceKey.generate();

        applied(rotateKey("door-1", key));

        assertThat(store.doors.get("door-1").accepts(key)).isTrue();
        assertThat(store.doors.get("door-1").version()).isEqualTo(2);
        assertRejected(applier.apply(registerDoor("door-1", "HQ"), "k"), RejectionReason.DOOR_ALREADY_EXISTS);
        assertRejected(applier.apply(registerBuilding("HQ"), "k"), RejectionReason.BUILDING_ALREADY_EXISTS);
    }

    @Test
    void registersABuildingWithHardAntiPassback() {
        var hq = store.buildings.get("HQ");

        assertThat(hq.antiPassback()).isEqualTo(AntiPassback.hard());
        assertThat(hq.antiPassbackSetAt()).isNull();
        assertThat(hq.version()).isEqualTo(1);
    }

    @Test
    void setsABuildingsAntiPassbackAndRecordsTheCommandWithTheBuilding() {
        var record = applied(antiPassback("HQ", "TIMED", 15, NOW.plusSeconds(10)));

        var hq = store.buildings.get("HQ");
        assertThat(hq.antiPassback()).isEqualTo(AntiPassback.timed(15));
        assertThat(hq.antiPassbackSetAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(hq.version()).isEqualTo(2);
        assertThat(hq.name()).isEqualTo("Head office");
        assertThat(record.subjectId()).isEqualTo("HQ");
        assertThat(record.employeeId()).isNull();

        applied(antiPassback("HQ", "OFF", null, NOW.plusSeconds(20)));
        assertThat(store.buildings.get("HQ").antiPassback()).isEqualTo(AntiPassback.off());
    }

    @Test
    void appliesTheSameAntiPassbackSettingAgainAsAnyNewerSetting() {
        applied(antiPassback("HQ", "SOFT", null, NOW.plusSeconds(10)));

        applied(antiPassback("HQ", "SOFT", null, NOW.plusSeconds(10)));

        assertThat(store.buildings.get("HQ").antiPassback()).isEqualTo(AntiPassback.soft());
        assertThat(store.buildings.get("HQ").version()).isEqualTo(3);
    }

    @Test
    void keepsTheNewerAntiPassbackSettingWhenAnOlderOneArrivesAfterIt() {
        applied(antiPassback("HQ", "OFF", null, NOW.plusSeconds(20)));

        var older = applier.apply(antiPassback("HQ", "SOFT", null, NOW.plusSeconds(10)), "k");

        assertRejected(older, RejectionReason.STALE_UPDATE);
        assertThat(older.subjectId()).isEqualTo("HQ");
        assertThat(store.buildings.get("HQ").antiPassback()).isEqualTo(AntiPassback.off());
        assertThat(store.buildings.get("HQ").version()).isEqualTo(2);
    }

    @Test
    void defersAnAntiPassbackSettingUntilItsBuildingArrivesAndRejectsItAfterTheWait() {
        assertThatThrownBy(() -> applier.apply(antiPassback("LATE", "HARD", null, NOW), "k"))
                .isInstanceOf(CommandDeferredException.class)
                .hasMessageContaining("LATE");

        var record = applier.apply(antiPassback("NEVER", "HARD", null, FINISHED.minus(WAIT)), "k");

        assertRejected(record, RejectionReason.BUILDING_NOT_FOUND);
        assertThat(record.subjectId()).isEqualTo("NEVER");
    }

    @Test
    void defersACommandWhoseEmployeeHasNotArrivedYet() {
        applied(issueCard("card-1", "0001", null));

        assertThatThrownBy(() -> applier.apply(link("card-1", "emp-late", NOW), "k"))
                .isInstanceOf(CommandDeferredException.class)
                .hasMessageContaining("emp-late");
        assertThat(store.records).hasSize(3);
    }

    @Test
    void rejectsAWaitingCommandOnceItIsOlderThanTheWait() {
        applied(issueCard("card-1", "0001", null));

        var record = applier.apply(link("card-1", "emp-never", FINISHED.minus(WAIT)), "k");

        assertRejected(record, RejectionReason.EMPLOYEE_NOT_FOUND);
        assertThat(record.employeeId()).isEqualTo("emp-never");
        assertThat(record.subjectId()).isEqualTo("card-1");
    }

    @Test
    void defersEveryKindOfMissingRecord() {
        for (Command command : new Command[] {
            suspend("card-x"),
            registerDoor("door-1", "NOWHERE"),
            rotateKey("door-x", DeviceKey.generate()),
            revokeAccess("emp-1", "HQ"),
            grant("emp-1", "NOWHERE"),
            deactivate("emp-x")
        }) {
            assertThatThrownBy(() -> applier.apply(command, "k")).isInstanceOf(CommandDeferredException.class);
        }
    }

    @Test
    void decidesAgainWhenAConcurrentIssueChangedTheEmployeeFirst() {
        var rival = issueCard("card-rival", "0009", "emp-1");
        store.beforeNextCommit(() -> applier.apply(rival, "rival"));

        applied(issueCard("card-1", "0001", "emp-1"));

        assertThat(store.cards.get("card-rival").status()).isEqualTo(CardStatus.SUPERSEDED);
        assertThat(store.cards.get("card-1").status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(store.cards.values().stream().filter(c -> c.status() == CardStatus.ACTIVE))
                .hasSize(1);
    }

    @Test
    void givesUpWithATransientFailureWhenStateKeepsMoving() {
        store.beforeEveryCommit(() -> {
            throw new ConcurrentChangeException("always moving");
        });

        assertThatThrownBy(() -> applier.apply(registerEmployee().build(), "k"))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void recordsAnUnreadableDocumentAsRejectedOnce() {
        var first = applier.reject("cmd-x", RejectionReason.MALFORMED_COMMAND, "not JSON", "commands/cmd-x.json");
        var again = applier.reject("cmd-x", RejectionReason.UNKNOWN_COMMAND, "other", "commands/cmd-x.json");

        assertThat(first.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(again).isEqualTo(first);
    }

    private CommandRecord applied(Command command) {
        var record = applier.apply(command, "commands/" + command.commandId() + ".json");
        assertThat(record.status()).as(record.toString()).isEqualTo(CommandStatus.APPLIED);
        return record;
    }

    private static void assertRejected(CommandRecord record, RejectionReason reason) {
        assertThat(record.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(record.reason()).isEqualTo(reason);
        assertThat(record.message()).isNotBlank();
    }
}
