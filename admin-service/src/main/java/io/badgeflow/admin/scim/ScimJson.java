package io.badgeflow.admin.scim;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reading SCIM JSON: attribute names are case-insensitive (RFC 7643, section 2.1), text must be plain text. */
final class ScimJson {

    private ScimJson() {}

    /** The member named {@code name} in any case, or null. */
    static JsonNode member(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        var wanted = name.toLowerCase(Locale.ROOT);
        for (var entry : object.properties()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A string attribute, null when absent or JSON null; checked for length and control characters. */
    static String text(JsonNode value, String attribute, int maxLength) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.invalidValue(attribute + " must be a string.");
        }
        var text = value.stringValue().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw ScimException.invalidValue(attribute + " must be at most " + maxLength + " characters.");
        }
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                throw ScimException.invalidValue(attribute + " must not hold control characters.");
            }
        }
        return text;
    }

    /** A boolean attribute; SCIM clients (Entra ID) also send "True"/"False" as strings. */
    static boolean bool(JsonNode value, String attribute) {
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        if (value != null && value.isString()) {
            var text = value.stringValue().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        throw ScimException.invalidValue(attribute + " must be true or false.");
    }
}
