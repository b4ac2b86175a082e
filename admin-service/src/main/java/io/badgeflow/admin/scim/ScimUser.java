package io.badgeflow.admin.scim;

import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import tools.jackson.databind.JsonNode;

/**
 * A SCIM User as the back office can hold it: the employee number is the {@code userName} (the key HR exports and
 * imports match people by, and unique in the back office), the work email the primary email, the enterprise
 * extension's {@code department} (its {@code employeeNumber} is not used: that is {@code userName}); {@code externalId} is the provisioning system's own id. {@code active} is true
 * for an ACTIVE employee only.
 */
record ScimUser(
        String userName,
        String givenName,
        String familyName,
        String email,
        String department,
        String externalId,
        boolean active) {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static ScimUser of(Employee employee, String externalId) {
        return new ScimUser(
                employee.employeeNumber(),
                employee.givenName(),
                employee.familyName(),
                employee.email(),
                employee.department(),
                externalId,
                employee.status() == EmployeeStatus.ACTIVE);
    }

    /** The user a POST or PUT body describes (unknown attributes are ignored, as RFC 7644 allows). */
    static ScimUser from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a JSON object.");
        }
        var user = new ScimUser(null, null, null, null, null, null, true);
        for (var entry : body.properties()) {
            user = user.with(entry.getKey(), entry.getValue());
        }
        return user.complete();
    }

    /** This user with the attribute at a top-level {@code name} set to {@code value} (no path, or a simple path). */
    ScimUser with(String name, JsonNode value) {
        var lower = name.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "username" -> withUserName(ScimJson.text(value, "userName", 64));
            case "externalid" -> withExternalId(ScimJson.text(value, "externalId", 256));
            case "active" -> withActive(ScimJson.bool(value, "active"));
            case "name" -> withName(value);
            case "name.givenname" -> withGivenName(ScimJson.text(value, "name.givenName", 128));
            case "name.familyname" -> withFamilyName(ScimJson.text(value, "name.familyName", 128));
            case "emails" -> withEmail(primaryEmail(value));
            case "emails.value", "emails[type eq \"work\"].value", "emails[primary eq true].value" ->
                withEmail(ScimJson.text(value, "emails.value", 254));
            default -> {
                if (lower.equals(ENTERPRISE.toLowerCase(java.util.Locale.ROOT))) {
                    yield withEnterprise(value);
                }
                if (lower.equals((ENTERPRISE + ":department").toLowerCase(java.util.Locale.ROOT))) {
                    yield withDepartment(ScimJson.text(value, "department", 128));
                }
                // id, meta, schemas, displayName, name.formatted and attributes we do not keep: read-only or ignored.
                yield this;
            }
        };
    }

    /** Whether a PATCH may name this path (the paths {@link #with} sets, and the read-only ones it ignores). */
    static boolean knownPath(String path) {
        var lower = path.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "username",
                    "externalid",
                    "active",
                    "name",
                    "name.givenname",
                    "name.familyname",
                    "name.formatted",
                    "displayname",
                    "emails",
                    "emails.value",
                    "emails[type eq \"work\"].value",
                    "emails[primary eq true].value" -> true;
            default ->
                lower.equals(ENTERPRISE.toLowerCase(java.util.Locale.ROOT))
                        || lower.equals((ENTERPRISE + ":department").toLowerCase(java.util.Locale.ROOT));
        };
    }

    /** This user without the attribute at {@code path}; only optional attributes may go. */
    ScimUser without(String path) {
        var lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("externalid")) {
            return withExternalId(null);
        }
        if (lower.equals((ENTERPRISE + ":department").toLowerCase(java.util.Locale.ROOT))
                || lower.equals(ENTERPRISE.toLowerCase(java.util.Locale.ROOT))) {
            return withDepartment(null);
        }
        if (lower.equals("displayname") || lower.equals("name.formatted")) {
            return this;
        }
        if (lower.equals("active")) {
            throw ScimException.mutability("active cannot be removed: a person is either active or not.");
        }
        throw ScimException.mutability(path + " is required and cannot be removed.");
    }

    /** Fails with invalidValue naming the first required attribute that is missing. */
    ScimUser complete() {
        if (userName == null) {
            throw ScimException.invalidValue("userName (the employee number) is required.");
        }
        if (givenName == null || familyName == null) {
            throw ScimException.invalidValue("name.givenName and name.familyName are required.");
        }
        if (email == null) {
            throw ScimException.invalidValue("emails: a work email is required.");
        }
        return this;
    }

    /** Whether the data the back office keeps on the employee differs (not externalId or active). */
    boolean personalDataDiffers(ScimUser other) {
        return !userName.equals(other.userName)
                || !givenName.equals(other.givenName)
                || !familyName.equals(other.familyName)
                || !email.equalsIgnoreCase(other.email)
                || !java.util.Objects.equals(department, other.department);
    }

    private ScimUser withName(JsonNode value) {
        if (value == null || value.isNull()) {
            return this;
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("name must be an object.");
        }
        var user = this;
        var given = ScimJson.member(value, "givenName");
        var family = ScimJson.member(value, "familyName");
        if (given != null) {
            user = user.withGivenName(ScimJson.text(given, "name.givenName", 128));
        }
        if (family != null) {
            user = user.withFamilyName(ScimJson.text(family, "name.familyName", 128));
        }
        return user;
    }

    private ScimUser withEnterprise(JsonNode value) {
        if (value == null || value.isNull()) {
            return this;
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue(ENTERPRISE + " must be an object.");
        }
        var department = ScimJson.member(value, "department");
        return department == null ? this : withDepartment(ScimJson.text(department, "department", 128));
    }

    /** The primary email of an {@code emails} array: the one marked primary, else the work one, else the first. */
    private static String primaryEmail(JsonNode emails) {
        if (emails == null || emails.isNull()) {
            return null;
        }
        if (!emails.isArray()) {
            throw ScimException.invalidValue("emails must be an array.");
        }
        JsonNode chosen = null;
        for (var email : emails) {
            var primary = ScimJson.member(email, "primary");
            var type = ScimJson.member(email, "type");
            if (primary != null && ScimJson.bool(primary, "emails.primary")) {
                chosen = email;
                break;
            }
            if (chosen == null || (type != null && type.isString() && "work".equalsIgnoreCase(type.stringValue()))) {
                chosen = email;
            }
        }
        return chosen == null ? null : ScimJson.text(ScimJson.member(chosen, "value"), "emails.value", 254);
    }

    private ScimUser withUserName(String value) {
        return new ScimUser(value, givenName, familyName, email, department, externalId, active);
    }

    private ScimUser withGivenName(String value) {
        return new ScimUser(userName, value, familyName, email, department, externalId, active);
    }

    private ScimUser withFamilyName(String value) {
        return new ScimUser(userName, givenName, value, email, department, externalId, active);
    }

    private ScimUser withEmail(String value) {
        return new ScimUser(userName, givenName, familyName, value, department, externalId, active);
    }

    private ScimUser withDepartment(String value) {
        return new ScimUser(userName, givenName, familyName, email, value, externalId, active);
    }

    private ScimUser withExternalId(String value) {
        return new ScimUser(userName, givenName, familyName, email, department, value, active);
    }

    private ScimUser withActive(boolean value) {
        return new ScimUser(userName, givenName, familyName, email, department, externalId, value);
    }
}
