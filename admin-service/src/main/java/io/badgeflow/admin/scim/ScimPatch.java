package io.badgeflow.admin.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH request (RFC 7644, section 3.5.2): its operations, read strictly enough that a malformed one is refused
 * before anything changes. {@code op} is matched case-insensitively (Entra ID sends {@code "Replace"}).
 */
record ScimPatch(List<Operation> operations) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** One operation; {@code path} is null when the value names the attributes itself. */
    record Operation(String op, String path, JsonNode value) {}

    static ScimPatch from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a JSON object.");
        }
        var schemas = ScimJson.member(body, "schemas");
        var declared = false;
        if (schemas != null && schemas.isArray()) {
            for (var schema : schemas) {
                declared |= schema.isString() && SCHEMA.equals(schema.stringValue());
            }
        }
        if (!declared) {
            throw ScimException.invalidSyntax("schemas must list " + SCHEMA + ".");
        }
        var operations = ScimJson.member(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("Operations must be a non-empty array.");
        }
        if (operations.size() > 100) {
            throw ScimException.invalidValue("At most 100 operations per request.");
        }
        var list = new ArrayList<Operation>();
        for (var operation : operations) {
            var op = ScimJson.text(ScimJson.member(operation, "op"), "op", 16);
            if (op == null || !List.of("add", "replace", "remove").contains(op.toLowerCase(Locale.ROOT))) {
                throw ScimException.invalidSyntax("op must be add, replace or remove.");
            }
            var path = ScimJson.text(ScimJson.member(operation, "path"), "path", 512);
            var value = ScimJson.member(operation, "value");
            var kind = op.toLowerCase(Locale.ROOT);
            if (kind.equals("remove") && path == null) {
                throw ScimException.noTarget("A remove operation needs a path.");
            }
            if (!kind.equals("remove") && (value == null || value.isNull())) {
                throw ScimException.invalidValue("An " + kind + " operation needs a value.");
            }
            if (!kind.equals("remove") && path == null && !value.isObject()) {
                throw ScimException.invalidValue("Without a path, the value must be an object of attributes.");
            }
            list.add(new Operation(kind, path, value));
        }
        return new ScimPatch(List.copyOf(list));
    }

    /** The user after every operation, in order; an unknown path is refused (invalidPath). */
    ScimUser applyTo(ScimUser user) {
        var result = user;
        for (var operation : operations) {
            if (operation.path() != null && !ScimUser.knownPath(operation.path())) {
                throw ScimException.invalidPath("Unknown or unsupported path: " + operation.path());
            }
            if (operation.op().equals("remove")) {
                result = result.without(operation.path());
            } else if (operation.path() == null) {
                for (var entry : operation.value().properties()) {
                    result = result.with(entry.getKey(), entry.getValue());
                }
            } else {
                result = result.with(operation.path(), operation.value());
            }
        }
        return result.complete();
    }
}
