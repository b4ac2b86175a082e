package io.badgeflow.model.onboarding;

/**
 * A row as read from the file: an {@link OnboardingRow}, or the reason it is not one with whom its cells name
 * ({@code person}, for the report).
 */
public record ParsedRow(int rowNumber, OnboardingRow row, String error, RowPerson person) {

    public ParsedRow {
        if ((row == null) == (error == null)) {
            throw new IllegalArgumentException("a parsed row is either a row or an error");
        }
    }

    public static ParsedRow of(OnboardingRow row) {
        return new ParsedRow(row.rowNumber(), row, null, RowPerson.of(row));
    }

    public static ParsedRow unreadable(int rowNumber, String error, RowPerson person) {
        return new ParsedRow(rowNumber, null, error, person == null ? RowPerson.NONE : person);
    }
}
