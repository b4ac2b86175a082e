package io.badgeflow.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTests {

    @Test
    void aCellAFormulaWouldStartWithIsWrittenAsText() {
        assertThat(SpreadsheetText.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetText.cell("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetText.cell("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void otherTextStaysAsItIs() {
        assertThat(SpreadsheetText.cell("Ada = Lovelace")).isEqualTo("Ada = Lovelace");
        assertThat(SpreadsheetText.cell("")).isEmpty();
        assertThat(SpreadsheetText.cell(null)).isNull();
    }
}
