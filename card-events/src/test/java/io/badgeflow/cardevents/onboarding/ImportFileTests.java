package io.badgeflow.cardevents.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.onboarding.ParsedRow;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFileTests {

    private static final String HEADER =
            "employee number,given name,family name,email,department,building codes," + "card number,valid until\n";

    @Test
    void readsEveryColumnOfARow() {
        var rows = parse(HEADER + "E-1,Ada,Lovelace,ada@example.com,Engineering,HQ;LAB,04A1,2027-03-31\n");

        var row = rows.getFirst().row();
        assertThat(row.rowNumber()).isEqualTo(1);
        assertThat(row.employeeNumber()).isEqualTo("E-1");
        assertThat(row.department()).isEqualTo("Engineering");
        assertThat(row.buildingCodes()).containsExactly("HQ", "LAB");
        assertThat(row.cardNumber()).isEqualTo("04A1");
        assertThat(row.validUntil()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void matchesHeaderNamesInAnyOrderCaseAndSpellingOfSpaces() {
        var rows = parse("\uFEFFEMAIL,Family_Name,given-name,EmployeeNumber\nada@example.com,Lovelace,Ada,E-1\n");

        var row = rows.getFirst().row();
        assertThat(row.email()).isEqualTo("ada@example.com");
        assertThat(row.familyName()).isEqualTo("Lovelace");
        assertThat(row.buildingCodes()).isEmpty();
        assertThat(row.cardNumber()).isNull();
    }

    @Test
    void readsQuotedCellsWithCommasAndTrimsSpaces() {
        var rows =
                parse(HEADER + "E-1 , Ada ,\"Lovelace, Countess\",ada@example.com,\"R&D, Analytics\", HQ | LAB ,,\n");

        var row = rows.getFirst().row();
        assertThat(row.givenName()).isEqualTo("Ada");
        assertThat(row.familyName()).isEqualTo("Lovelace, Countess");
        assertThat(row.department()).isEqualTo("R&D, Analytics");
        assertThat(row.buildingCodes()).containsExactly("HQ", "LAB");
    }

    @Test
    void turnsABadRowIntoItsReasonAndKeepsTheOthers() {
        var rows = parse(HEADER + "E-1,Ada,Lovelace,not-an-email,,,,\n"
                + "E-2,Alan,Turing,alan@example.com,,,,31/12/2027\n"
                + "E-3,Grace,Hopper,grace@example.com,,,,2027-12-31\n"
                + "E-4,,Nobody,n@example.com,,,,\n");

        assertThat(rows).extracting(ParsedRow::rowNumber).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(0).error()).isEqualTo("email must be an email address");
        assertThat(rows.get(1).error()).contains("validUntil");
        assertThat(rows.get(2).error()).as("a validity without a card").contains("validUntil", "card");
        assertThat(rows.get(3).error()).contains("givenName");
    }

    @Test
    void skipsBlankLines() {
        assertThat(parse(HEADER + "\nE-1,Ada,Lovelace,ada@example.com,,,,\n\n")).hasSize(1);
    }

    @Test
    void rejectsAFileWithoutTheRequiredColumns() {
        assertThatThrownBy(() -> parse("name,mail\nAda,ada@example.com\n"))
                .isInstanceOf(UnreadableImportException.class)
                .hasMessageContaining("employee number");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(UnreadableImportException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsTextThatIsNotUtf8() {
        var latin1 = (HEADER + "E-1,Zoë,Müller,z@example.com,,,,\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ImportFile.parse(latin1, 10).rows())
                .isInstanceOf(UnreadableImportException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void rejectsMoreRowsThanAllowed() {
        var csv = HEADER + "E-1,A,B,a@example.com,,,,\n".repeat(4);

        assertThatThrownBy(() -> ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8), 3)
                        .rows())
                .isInstanceOf(UnreadableImportException.class)
                .hasMessageContaining("more than 3 rows");
    }

    private static List<ParsedRow> parse(String csv) {
        return ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8), 100).rows();
    }
}
