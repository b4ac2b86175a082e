package io.badgeflow.model.text;

/**
 * Text for a CSV a person will open in a spreadsheet: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be read as a formula (CSV injection, OWASP), so it is written with a
 * leading apostrophe, which spreadsheets show as text. Names in an HR export are data we pass on, not formulas.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
