package io.badgeflow.model.onboarding;

import java.util.Objects;

/**
 * One field a plan changes, with its value before and after as text ({@code null} for none). Fields: {@code
 * givenName}, {@code familyName}, {@code email}, {@code department}, {@code cardNumber}, {@code validUntil},
 * {@code buildings} (codes joined by {@code ;}).
 */
public record FieldChange(String field, String from, String to) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
        return field + ": " + (from == null ? "(none)" : from) + " -> " + (to == null ? "(none)" : to);
    }
}
