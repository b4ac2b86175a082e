package io.badgeflow.admin.scim;

import org.springframework.http.HttpStatus;

/**
 * A SCIM error (RFC 7644, section 3.12): the status, the {@code scimType} when the RFC names one for the case, and a
 * detail for a person. Answered as {@code urn:ietf:params:scim:api:messages:2.0:Error} by {@link ScimErrors}.
 */
class ScimException extends RuntimeException {

    private final HttpStatus status;
    private final String scimType;

    ScimException(HttpStatus status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    HttpStatus status() {
        return status;
    }

    /** Null where RFC 7644 names no type for the case (404, 409 other than uniqueness, 5xx). */
    String scimType() {
        return scimType;
    }

    static ScimException invalidFilter(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "invalidFilter", detail);
    }

    static ScimException invalidValue(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", detail);
    }

    static ScimException invalidSyntax(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", detail);
    }

    static ScimException invalidPath(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "invalidPath", detail);
    }

    static ScimException noTarget(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "noTarget", detail);
    }

    static ScimException mutability(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "mutability", detail);
    }

    static ScimException uniqueness(String detail) {
        return new ScimException(HttpStatus.CONFLICT, "uniqueness", detail);
    }

    static ScimException notFound(String resource, String id) {
        return new ScimException(HttpStatus.NOT_FOUND, null, "There is no " + resource + " " + id + ".");
    }
}
