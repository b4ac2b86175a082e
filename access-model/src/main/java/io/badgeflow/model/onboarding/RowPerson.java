package io.badgeflow.model.onboarding;

/**
 * Who a row of an import is about, as the file names them, so its report line reads "E-9, Ada Lovelace" rather
 * than a row number: taken from a row that could not be read too, as far as its cells go (each cut to
 * {@link #MAX_LENGTH}). Any part may be null.
 */
public record RowPerson(String employeeNumber, String givenName, String familyName) {

    public static final int MAX_LENGTH = 128;

    public static final RowPerson NONE = new RowPerson(null, null, null);

    public RowPerson {
        employeeNumber = cut(employeeNumber);
        givenName = cut(givenName);
        familyName = cut(familyName);
    }

    public static RowPerson of(OnboardingRow row) {
        return new RowPerson(row.employeeNumber(), row.givenName(), row.familyName());
    }

    private static String cut(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var stripped = value.strip();
        return stripped.length() <= MAX_LENGTH ? stripped : stripped.substring(0, MAX_LENGTH);
    }
}
