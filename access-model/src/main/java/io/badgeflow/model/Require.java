package io.badgeflow.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Field checks shared by the compact constructors of every message record, commands and door events alike; a
 * failure names the field.
 */
public final class Require {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** RFC 3339 date-time: an offset (or Z) is required; letters in either case, as the RFC allows. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toFormatter(Locale.ROOT);

    private Require() {}

    /** A moment written as an RFC 3339 date-time with an offset, e.g. {@code 2026-12-07T08:00:00Z}. */
    public static Instant instant(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return OffsetDateTime.parse(value, DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field, "must be an RFC 3339 date-time with an offset, e.g. 2026-12-07T08:00:00Z");
        }
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    /** Optional text: blank becomes null, anything else is checked like {@link #text}. */
    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    public static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidFieldException(field, "must be 1-128 letters, digits or . _ : -");
        }
        return value;
    }

    /** An optional id: null stays null, anything else is checked like {@link #id}. */
    public static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    public static String email(String field, String value) {
        var email = text(field, value, 254);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidFieldException(field, "must be an email address");
        }
        return email;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    /** A window whose ends are both optional; when both are given the start must come first. */
    public static void window(String field, Comparable<?> from, Comparable<?> until) {
        if (from != null && until != null && compare(from, until) >= 0) {
            throw new InvalidFieldException(field, "must start before it ends");
        }
    }

    @SuppressWarnings("unchecked")
    private static int compare(Comparable<?> a, Comparable<?> b) {
        return ((Comparable<Object>) a).compareTo(b);
    }
}
