package io.badgeflow.admin.web;

/** Request patterns that mirror the model's own checks, so Bean Validation names every bad field at once. */
public final class ApiPatterns {

    /** The model's id: what {@code Require.id} accepts. */
    public static final String ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";

    public static final String ID_MESSAGE = "must be 1-128 letters, digits or . _ : -";

    /**
     * Free text: no control characters (C0, DEL, C1), which StrictJson refuses while reading; stated here too, so
     * the OpenAPI document says it.
     */
    public static final String TEXT = "^[^\\x00-\\x1F\\x7F-\\x9F]*$";

    /** Free text that is not blank: as {@link #TEXT}, with at least one character other than a space. */
    public static final String NON_BLANK_TEXT =
            "^[^\\x00-\\x1F\\x7F-\\x9F]*[^\\x00-\\x20\\x7F-\\x9F][^\\x00-\\x1F\\x7F-\\x9F]*$";

    public static final String TEXT_MESSAGE = "must not contain control characters";
    public static final String NON_BLANK_TEXT_MESSAGE = "must not be blank or contain control characters";

    /** Whether {@code text} is free of control characters (C0, DEL, C1): the {@link #TEXT} check, for a parameter. */
    public static boolean isText(String text) {
        return text == null || text.chars().noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }

    private ApiPatterns() {}
}
