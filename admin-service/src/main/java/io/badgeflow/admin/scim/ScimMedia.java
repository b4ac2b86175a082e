package io.badgeflow.admin.scim;

import org.springframework.http.MediaType;

/** SCIM's media type (RFC 7644, section 8.1), which every SCIM answer carries. */
public final class ScimMedia {

    public static final String TYPE_VALUE = "application/scim+json";
    static final MediaType TYPE = MediaType.parseMediaType(TYPE_VALUE);

    private ScimMedia() {}
}
