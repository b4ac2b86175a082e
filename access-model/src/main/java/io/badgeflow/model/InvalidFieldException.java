package io.badgeflow.model;

/** A message field that breaks its record's invariant; the field name travels so callers can point at it. */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
