package io.badgeflow.model.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.RegisterEmployee;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingRowTests {

    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void becomesARegistrationACardAndAGrantPerBuilding() {
        var row = new OnboardingRow(
                7,
                "E-7",
                "Ada",
                "Lovelace",
                "ada@example.com",
                null,
                List.of("HQ", "LAB"),
                "04A1",
                LocalDate.of(2027, 3, 31));

        var commands = row.commands("imp", "hr-admin", AT);

        assertThat(commands)
                .extracting(Command::commandId)
                .containsExactly("imp:7:register", "imp:7:card", "imp:7:grant-0", "imp:7:grant-1");
        var employeeId = ((RegisterEmployee) commands.get(0)).employeeId();
        assertThat(employeeId).isEqualTo(row.employeeId("imp"));
        var card = (IssueCard) commands.get(1);
        assertThat(card.employeeId()).isEqualTo(employeeId);
        assertThat(card.validUntil()).isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
        assertThat(commands.subList(2, 4))
                .extracting(c -> ((GrantAccess) c).buildingId())
                .containsExactly("HQ", "LAB");
        assertThat(commands).extracting(Command::actor).containsOnly("hr-admin");
    }

    @Test
    void derivesTheSameIdsFromTheSameImportAndRowAndOthersElsewhere() {
        var row = new OnboardingRow(1, "E-1", "Ada", "Lovelace", "ada@example.com", null, List.of(), "04A1", null);

        assertThat(row.commands("imp", "a", AT)).isEqualTo(row.commands("imp", "a", AT));
        assertThat(row.employeeId("imp")).isNotEqualTo(row.employeeId("other"));
    }

    @Test
    void registersOnlyWhenThereIsNoCardAndNoBuilding() {
        var row = new OnboardingRow(1, "E-1", "Ada", "Lovelace", "ada@example.com", null, null, " ", null);

        assertThat(row.commands("imp", "a", AT)).hasSize(1);
    }

    @Test
    void namesABuildingOnceEvenWhenListedTwice() {
        var row = new OnboardingRow(
                1, "E-1", "Ada", "Lovelace", "ada@example.com", null, List.of("HQ", "HQ"), null, null);

        assertThat(row.buildingCodes()).containsExactly("HQ");
    }

    @Test
    void refusesMoreBuildingsThanOneTransactionHolds() {
        var many = Collections.nCopies(OnboardingRow.MAX_BUILDINGS + 1, "B").stream()
                .map(b -> b + Math.random())
                .map(s -> s.replace(".", ""))
                .toList();

        assertThatThrownBy(
                        () -> new OnboardingRow(1, "E-1", "Ada", "Lovelace", "ada@example.com", null, many, null, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("buildingCodes");
    }

    @Test
    void namesContentWithTheSameIdWhereverItIsStored() {
        var content = "employee number,given name\n".getBytes();

        assertThat(ImportId.of(content))
                .isEqualTo(ImportId.of(content.clone()))
                .hasSize(32)
                .matches("[0-9a-f]+");
        assertThat(ImportId.of("other".getBytes())).isNotEqualTo(ImportId.of(content));
    }
}
