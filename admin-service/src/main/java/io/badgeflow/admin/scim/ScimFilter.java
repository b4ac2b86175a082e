package io.badgeflow.admin.scim;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The filters SCIM provisioning needs (RFC 7644, section 3.4.2.2): one attribute {@code eq} one string, such as
 * {@code userName eq "E-100"}. Identity providers look a person up this way before creating them; any other
 * expression is answered 400 {@code invalidFilter} rather than half-understood.
 *
 * @param attribute the attribute as the resource type names it (matched case-insensitively, as SCIM says)
 */
record ScimFilter(String attribute, String value) {

    private static final Pattern EQUALS =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.:_-]*)\\s+(?i:eq)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    /** Parses {@code filter}, accepting only the listed attributes (case-insensitively). */
    static ScimFilter parse(String filter, List<String> attributes) {
        if (filter.length() > 512) {
            throw ScimException.invalidFilter("The filter is longer than 512 characters.");
        }
        var matcher = EQUALS.matcher(filter);
        if (!matcher.matches()) {
            throw ScimException.invalidFilter(
                    "Only '<attribute> eq \"<value>\"' is supported, with the attribute one of " + attributes + ".");
        }
        var named = matcher.group(1).toLowerCase(Locale.ROOT);
        var attribute = attributes.stream()
                .filter(known -> known.toLowerCase(Locale.ROOT).equals(named))
                .findFirst()
                .orElseThrow(() -> ScimException.invalidFilter(
                        "Filtering by " + matcher.group(1) + " is not supported; only by " + attributes + "."));
        return new ScimFilter(attribute, unescape(matcher.group(2)));
    }

    private static String unescape(String text) {
        var out = new StringBuilder(text.length());
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
