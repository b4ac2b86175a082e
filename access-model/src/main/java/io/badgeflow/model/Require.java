package io.badgeflow.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Field checks shared by the compact constructors of every message record, commands and door events alike; a
 * failure names the field.
 */
public final class Require {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * RFC 3339 date-time (section 5.6): letters in either case, any fraction, an offset up to 23:59 (wider than
     * java.time's 18:00) and a leap second, which is read as the second after :59.
     */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|([+-])(\\d{2}):(\\d{2}))",
            Pattern.CASE_INSENSITIVE);

    private Require() {}

    /** A moment written as an RFC 3339 date-time with an offset, e.g. {@code 2026-12-07T08:00:00Z}. */
    public static Instant instant(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        var parts = DATE_TIME.matcher(value);
        try {
            if (!parts.matches()) {
                throw new DateTimeException("not RFC 3339");
            }
            var second = Integer.parseInt(parts.group(4));
            if (second > 60) {
                throw new DateTimeException("second out of range");
            }
            var local = LocalDate.parse(parts.group(1))
                    .atTime(
                            Integer.parseInt(parts.group(2)),
                            Integer.parseInt(parts.group(3)),
                            Math.min(second, 59),
                            parts.group(5) == null ? 0 : fractionNanos(parts.group(5)));
            var offsetSeconds =
                    parts.group(7) == null ? 0 : offsetSeconds(parts.group(7), parts.group(8), parts.group(9));
            return local.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds).plusSeconds(second == 60 ? 1 : 0);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidFieldException(
                    field, "must be an RFC 3339 date-time with an offset, e.g. 2026-12-07T08:00:00Z");
        }
    }

    private static int fractionNanos(String fraction) {
        return Integer.parseInt((fraction.substring(1) + "000000000").substring(0, 9));
    }

    private static int offsetSeconds(String sign, String hours, String minutes) {
        var h = Integer.parseInt(hours);
        var m = Integer.parseInt(minutes);
        if (h > 23 || m > 59) {
            throw new DateTimeException("offset out of range");
        }
        return ("-".equals(sign) ? -1 : 1) * (h * 3600 + m * 60);
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
