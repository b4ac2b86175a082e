package io.badgeflow.admin.scim;

import tools.jackson.databind.JsonNode;

/**
 * A query sent as {@code POST .search} (RFC 7644, section 3.4.3): the same parameters as a GET's query string, in
 * a {@code urn:ietf:params:scim:api:messages:2.0:SearchRequest} body.
 */
record ScimSearch(String filter, int startIndex, int count, String attributes, String excludedAttributes) {

    static ScimSearch from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a JSON object.");
        }
        return new ScimSearch(
                ScimJson.text(ScimJson.member(body, "filter"), "filter", 512),
                number(ScimJson.member(body, "startIndex"), "startIndex", 1),
                number(ScimJson.member(body, "count"), "count", ScimUserController.MAX_COUNT),
                names(ScimJson.member(body, "attributes"), "attributes"),
                names(ScimJson.member(body, "excludedAttributes"), "excludedAttributes"));
    }

    private static int number(JsonNode value, String name, int otherwise) {
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ScimException.invalidValue(name + " must be an integer.");
        }
        return value.intValue();
    }

    /** An array of attribute names as the comma-separated list the query string carries. */
    private static String names(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue(name + " must be an array of attribute names.");
        }
        var names = new StringBuilder();
        for (var item : value) {
            var text = ScimJson.text(item, name, 256);
            if (text != null) {
                names.append(names.isEmpty() ? "" : ",").append(text);
            }
        }
        return names.toString();
    }
}
