package io.badgeflow.admin.web;

/** Request patterns that mirror the model's own checks, so Bean Validation names every bad field at once. */
public final class ApiPatterns {

    /** The model's id: what {@code Require.id} accepts. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    public static final String ID_MESSAGE = "must be 1-128 letters, digits or . _ : -";

    private ApiPatterns() {}
}
