package io.badgeflow.admin.scim;

import io.badgeflow.admin.security.Roles;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a SCIM client reads to learn what this service supports (RFC 7644, section 4): fixed documents under
 * {@code src/main/resources/scim}, each given its {@code meta.location} here. They say what the handlers do: PATCH
 * and ETags yes; bulk, sorting and password changes no; filters of one attribute {@code eq} one value.
 */
// Not in the OpenAPI document: SCIM describes itself (/Schemas, /ResourceTypes) and scim2-tester checks it.
@Hidden
@RestController
@RequestMapping(
        value = "/scim/v2",
        produces = {ScimMedia.TYPE_VALUE, "application/json"})
class ScimDiscoveryController {

    private static final Pattern DISCOVERY =
            Pattern.compile("/scim/v2/(ServiceProviderConfig|Schemas(/[^/]+)?|ResourceTypes(/[^/]+)?)");
    private static final Pattern COLLECTION = Pattern.compile("/scim/v2/(Users|Groups)");
    private static final Pattern SEARCH = Pattern.compile("/scim/v2/(Users/)?\\.search");
    private static final Pattern RESOURCE = Pattern.compile("/scim/v2/(Users|Groups)/[^/]+");

    private final JsonNode serviceProviderConfig;
    private final JsonNode schemas;
    private final JsonNode resourceTypes;

    ScimDiscoveryController(JsonMapper json) {
        this.serviceProviderConfig = read(json, "scim/service-provider-config.json");
        this.schemas = read(json, "scim/schemas.json");
        this.resourceTypes = read(json, "scim/resource-types.json");
    }

    @GetMapping("/ServiceProviderConfig")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<JsonNode> serviceProviderConfig() {
        var config = serviceProviderConfig.deepCopy();
        ((ObjectNode) config.get("meta")).put("location", url("/ServiceProviderConfig"));
        return ResponseEntity.ok().contentType(ScimMedia.TYPE).body(config);
    }

    @GetMapping("/Schemas")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Object> schemas() {
        return ResponseEntity.ok().contentType(ScimMedia.TYPE).body(list(schemas, "/Schemas/"));
    }

    @GetMapping("/Schemas/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<JsonNode> schema(@PathVariable String id) {
        return ResponseEntity.ok().contentType(ScimMedia.TYPE).body(one(schemas, "/Schemas/", id, "Schema"));
    }

    @GetMapping("/ResourceTypes")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Object> resourceTypes() {
        return ResponseEntity.ok().contentType(ScimMedia.TYPE).body(list(resourceTypes, "/ResourceTypes/"));
    }

    @GetMapping("/ResourceTypes/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<JsonNode> resourceType(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(ScimMedia.TYPE)
                .body(one(resourceTypes, "/ResourceTypes/", id, "ResourceType"));
    }

    /**
     * Any other path or method under {@code /scim/v2}, in SCIM's shape rather than the API's problem+json: 405 with
     * {@code Allow} for a method a known endpoint does not have (the discovery endpoints are read-only), 404 for a
     * path no endpoint has (RFC 7644, section 3.12). Known paths and methods are matched first, being more specific.
     */
    @RequestMapping("/**")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> unknown(jakarta.servlet.http.HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var allowed = allowedMethods(path);
        if (allowed == null) {
            throw ScimException.notFound("SCIM endpoint", path);
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, allowed)
                .contentType(ScimMedia.TYPE)
                .body(ScimErrors.body(
                        HttpStatus.METHOD_NOT_ALLOWED, null, request.getMethod() + " is not allowed here."));
    }

    /** The methods the endpoint at {@code path} answers, or null when there is none. */
    static String allowedMethods(String path) {
        if (DISCOVERY.matcher(path).matches()) {
            return "GET";
        }
        if (SEARCH.matcher(path).matches()) {
            return "POST";
        }
        if (COLLECTION.matcher(path).matches()) {
            return "GET, POST";
        }
        if (RESOURCE.matcher(path).matches()) {
            return "GET, PUT, PATCH, DELETE";
        }
        return null;
    }

    private Object list(JsonNode documents, String prefix) {
        var resources = new ArrayList<JsonNode>();
        for (var document : documents) {
            resources.add(located(document, prefix));
        }
        return ScimUserController.listResponse(resources.size(), 1, List.copyOf(resources));
    }

    private JsonNode one(JsonNode documents, String prefix, String id, String what) {
        for (var document : documents) {
            if (document.get("id").stringValue().equals(id)) {
                return located(document, prefix);
            }
        }
        throw ScimException.notFound(what, id);
    }

    private static JsonNode located(JsonNode document, String prefix) {
        var copy = document.deepCopy();
        ((ObjectNode) copy.get("meta"))
                .put("location", url(prefix + copy.get("id").stringValue()));
        return copy;
    }

    private static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2" + path)
                .toUriString();
    }

    private static JsonNode read(JsonMapper json, String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
