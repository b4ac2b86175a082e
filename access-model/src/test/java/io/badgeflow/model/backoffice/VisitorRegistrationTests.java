package io.badgeflow.model.backoffice;

import static io.badgeflow.model.command.Commands.NOW;
import static io.badgeflow.model.command.Commands.grant;
import static io.badgeflow.model.command.Commands.registerBuilding;
import static io.badgeflow.model.command.Commands.registerEmployee;
import static io.badgeflow.model.command.Commands.registerVisitor;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.employee.Affiliation;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VisitorRegistrationTests {

    private static final LocalDate DAY = LocalDate.parse("2026-12-08");

    private final InMemoryBackOfficeStore store = new InMemoryBackOfficeStore();
    private final CommandApplier applier =
            new CommandApplier(store, store, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC), Duration.ofMinutes(2));

    @BeforeEach
    void aHostWithAccessToHqOnly() {
        applied(registerBuilding("HQ"));
        applied(registerBuilding("DC"));
        applied(registerEmployee().employeeId("host-1").employeeNumber("E-1").build());
        applied(grant("host-1", "HQ"));
    }

    @Test
    void registersTheVisitorWithTheBadgeAndAGrantForTheDaysOfTheVisit() {
        var record = applied(registerVisitor("vis-1", "host-1", "V-0001", "HQ"));

        var visitor = store.employees.get("vis-1");
        assertThat(visitor.affiliation()).isEqualTo(Affiliation.visitor("host-1", "Navy", DAY, DAY));
        assertThat(visitor.currentCardId()).isEqualTo("card-vis-1");
        assertThat(visitor.version()).isEqualTo(1);
        assertThat(store.cards.get("card-vis-1").status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(store.claims).containsEntry("CARD_NUMBER/V-0001", "card-vis-1");
        var grant = store.grant("vis-1", "HQ").orElseThrow();
        assertThat(grant.validFrom()).isEqualTo(DAY);
        assertThat(grant.validUntil()).isEqualTo(DAY);
        assertThat(record.employeeId()).isEqualTo("vis-1");
        assertThat(record.subjectId()).isEqualTo("card-vis-1");
    }

    @Test
    void refusesABuildingOutsideTheHostsOwnAccessAndWritesNothing() {
        var record = applier.apply(registerVisitor("vis-1", "host-1", "V-0001", "HQ", "DC"), "k");

        assertThat(record.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(record.reason()).isEqualTo(RejectionReason.OUTSIDE_HOST_ACCESS);
        assertThat(record.message()).contains("DC");
        assertThat(store.employees).doesNotContainKey("vis-1");
        assertThat(store.cards).doesNotContainKey("card-vis-1");
    }

    @Test
    void aVisitorHostsNobody() {
        applied(registerVisitor("vis-1", "host-1", "V-0001", "HQ"));

        var record = applier.apply(registerVisitor("vis-2", "vis-1", "V-0002", "HQ"), "k");

        assertThat(record.reason()).isEqualTo(RejectionReason.HOST_NOT_ELIGIBLE);
        assertThat(store.employees).doesNotContainKey("vis-2");
    }

    @Test
    void refusesABadgeNumberAlreadyHandedOut() {
        applied(registerVisitor("vis-1", "host-1", "V-0001", "HQ"));

        var record = applier.apply(registerVisitor("vis-2", "host-1", "V-0001", "HQ"), "k");

        assertThat(record.reason()).isEqualTo(RejectionReason.CARD_NUMBER_TAKEN);
        assertThat(store.employees).doesNotContainKey("vis-2");
    }

    private CommandRecord applied(Command command) {
        var record = applier.apply(command, "commands/" + command.commandId() + ".json");
        assertThat(record.status()).as(record.toString()).isEqualTo(CommandStatus.APPLIED);
        return record;
    }
}
