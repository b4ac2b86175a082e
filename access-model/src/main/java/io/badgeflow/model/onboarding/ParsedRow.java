package io.badgeflow.model.onboarding;

/** A row as read from the file: an {@link OnboardingRow}, or the reason it is not one. */
public record ParsedRow(int rowNumber, OnboardingRow row, String error) {

    public ParsedRow {
        if ((row == null) == (error == null)) {
            throw new IllegalArgumentException("a parsed row is either a row or an error");
        }
    }

    public static ParsedRow of(OnboardingRow row) {
        return new ParsedRow(row.rowNumber(), row, null);
    }

    public static ParsedRow unreadable(int rowNumber, String error) {
        return new ParsedRow(rowNumber, null, error);
    }
}
