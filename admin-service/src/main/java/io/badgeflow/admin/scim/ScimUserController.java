package io.badgeflow.admin.scim;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.ReactivateEmployee;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.paging.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Users (RFC 7644) over employees. Every change is the back office's own command (RegisterEmployee,
 * UpdateEmployee, OffboardEmployee, ReactivateEmployee, DeactivateEmployee), answered once applied
 * ({@link ScimCommands}). {@code active: false} and DELETE offboard the person: cards revoked, grants removed in one
 * transaction, for good; after DELETE the user answers 404 here while the back office keeps the offboarded employee
 * with their history (docs/back-office-api.md, "SCIM provisioning").
 */
// Not in the OpenAPI document: SCIM describes itself (/Schemas, /ResourceTypes) and scim2-tester checks it.
@Hidden
@RestController
@RequestMapping(
        value = "/scim/v2",
        produces = {ScimMedia.TYPE_VALUE, "application/json"})
class ScimUserController {

    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final int MAX_COUNT = 100;

    private final BackOfficeDirectory directory;
    private final ScimLinks links;
    private final ScimCommands commands;

    ScimUserController(BackOfficeDirectory directory, ScimLinks links, ScimCommands commands) {
        this.directory = directory;
        this.links = links;
        this.commands = commands;
    }

    @PostMapping("/Users")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> create(
            @RequestBody JsonNode body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @AuthenticationPrincipal Jwt client) {
        var user = ScimUser.from(body);
        if (directory.employeeByNumber(user.userName()).isPresent()) {
            throw ScimException.uniqueness("userName " + user.userName() + " is taken.");
        }
        var employeeId = UUID.randomUUID().toString();
        // The externalId is claimed first, so a taken one refuses the create before anybody is registered.
        if (user.externalId() != null && !links.link(employeeId, user.externalId())) {
            throw ScimException.uniqueness("externalId " + user.externalId() + " is taken.");
        }
        try {
            commands.run(
                    client,
                    stamp -> new RegisterEmployee(
                            stamp.commandId(),
                            stamp.actor(),
                            stamp.occurredAt(),
                            employeeId,
                            user.userName(),
                            user.givenName(),
                            user.familyName(),
                            user.email(),
                            user.department()));
        } catch (ScimException refused) {
            if (!(refused instanceof ScimCommands.ScimPendingException) && user.externalId() != null) {
                links.link(employeeId, null);
            }
            throw refused;
        }
        if (!user.active()) {
            // Created inactive: registered, then deactivated (reversible), so a later active: true can let them in.
            commands.run(
                    client,
                    stamp -> new DeactivateEmployee(stamp.commandId(), stamp.actor(), stamp.occurredAt(), employeeId));
        }
        var created = current(employeeId);
        return ResponseEntity.created(URI.create(location(employeeId)))
                .contentType(ScimMedia.TYPE)
                .eTag(etag(created))
                .body(projection(attributes, excludedAttributes).apply(representation(created, user.externalId())));
    }

    @GetMapping("/Users/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> get(
            @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        return ok(current(id), projection(attributes, excludedAttributes));
    }

    @GetMapping("/Users")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> list(
            @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(defaultValue = "100") int count,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        return ResponseEntity.ok()
                .contentType(ScimMedia.TYPE)
                .body(search(filter, startIndex, count, projection(attributes, excludedAttributes)));
    }

    /**
     * The same query as a POST body (RFC 7644, section 3.4.3), for filters too long for a URL; at the root it
     * searches every resource type, and the filters it understands (userName, externalId) only match users.
     */
    @PostMapping({"/Users/.search", "/.search"})
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> searchByPost(@RequestBody JsonNode body) {
        var query = ScimSearch.from(body);
        return ResponseEntity.ok()
                .contentType(ScimMedia.TYPE)
                .body(search(
                        query.filter(),
                        query.startIndex(),
                        query.count(),
                        projection(query.attributes(), query.excludedAttributes())));
    }

    private Map<String, Object> search(String filter, int startIndex, int count, ScimProjection projection) {
        var first = Math.max(startIndex, 1);
        var size = Math.min(Math.max(count, 0), MAX_COUNT);
        if (filter != null) {
            var parsed = ScimFilter.parse(filter, List.of("userName", "externalId"));
            var found = parsed.attribute().equals("userName")
                    ? directory.employeeByNumber(parsed.value())
                    : links.employeeWithExternalId(parsed.value()).flatMap(directory::employee);
            List<Employee> matches = found.filter(this::visible).map(List::of).orElse(List.of());
            return listResponse(
                    matches.size(),
                    first,
                    page(matches, first, size).stream()
                            .map(employee ->
                                    projection.apply(representation(employee, externalIdOf(employee.employeeId()))))
                            .toList());
        }
        // No filter: a walk through the whole employee index, because SCIM pages by position and counts them all.
        var total = 0;
        var resources = new ArrayList<Map<String, Object>>();
        String cursor = null;
        do {
            var page = directory.employees(null, new PageRequest(PageRequest.MAX_SIZE, cursor));
            for (var employee : page.items()) {
                if (!visible(employee)) {
                    continue;
                }
                total++;
                if (total >= first && resources.size() < size) {
                    resources.add(projection.apply(representation(employee, externalIdOf(employee.employeeId()))));
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return listResponse(total, first, resources);
    }

    @PutMapping("/Users/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> replace(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @AuthenticationPrincipal Jwt client) {
        var employee = current(id);
        checkVersion(employee, ifMatch);
        return ok(change(client, employee, ScimUser.from(body)), projection(attributes, excludedAttributes));
    }

    @PatchMapping("/Users/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> patch(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @AuthenticationPrincipal Jwt client) {
        var employee = current(id);
        checkVersion(employee, ifMatch);
        var patch = ScimPatch.from(body);
        var now = ScimUser.of(employee, externalIdOf(id));
        return ok(change(client, employee, patch.applyTo(now)), projection(attributes, excludedAttributes));
    }

    /** Offboards the person (if not yet) and hides them from SCIM; the back office keeps their record and history. */
    @DeleteMapping("/Users/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt client) {
        var employee = current(id);
        checkVersion(employee, ifMatch);
        if (employee.status() != EmployeeStatus.OFFBOARDED) {
            commands.run(
                    client, stamp -> new OffboardEmployee(stamp.commandId(), stamp.actor(), stamp.occurredAt(), id));
        }
        links.markDeleted(id);
        return ResponseEntity.noContent().build();
    }

    /** Brings the employee to {@code wanted}: links first, then their data, then their status. */
    private Employee change(Jwt client, Employee employee, ScimUser wanted) {
        var id = employee.employeeId();
        var now = ScimUser.of(employee, externalIdOf(id));
        if (!java.util.Objects.equals(now.externalId(), wanted.externalId()) && !links.link(id, wanted.externalId())) {
            throw ScimException.uniqueness("externalId " + wanted.externalId() + " is taken.");
        }
        if (now.personalDataDiffers(wanted)) {
            if (employee.status() == EmployeeStatus.OFFBOARDED) {
                throw ScimException.mutability("The person is offboarded; their data can no longer change.");
            }
            var holder = directory.employeeByNumber(wanted.userName());
            if (holder.isPresent() && !holder.get().employeeId().equals(id)) {
                throw ScimException.uniqueness("userName " + wanted.userName() + " is taken.");
            }
            commands.run(
                    client,
                    stamp -> new UpdateEmployee(
                            stamp.commandId(),
                            stamp.actor(),
                            stamp.occurredAt(),
                            id,
                            wanted.userName(),
                            wanted.givenName(),
                            wanted.familyName(),
                            wanted.email(),
                            wanted.department()));
        }
        switch (employee.status()) {
            case ACTIVE -> {
                if (!wanted.active()) {
                    commands.run(
                            client,
                            stamp -> new OffboardEmployee(stamp.commandId(), stamp.actor(), stamp.occurredAt(), id));
                }
            }
            case INACTIVE -> {
                if (wanted.active()) {
                    commands.run(
                            client,
                            stamp -> new ReactivateEmployee(stamp.commandId(), stamp.actor(), stamp.occurredAt(), id));
                }
            }
            case OFFBOARDED -> {
                if (wanted.active()) {
                    throw ScimException.mutability(
                            "The person is offboarded (cards revoked, grants removed) and cannot be reactivated;"
                                    + " register them again under a new employee number.");
                }
            }
        }
        return current(id);
    }

    /** The employee as SCIM sees them: 404 when unknown or deleted through SCIM. */
    private Employee current(String id) {
        if (id.length() > 128) {
            throw ScimException.notFound("User", "with that id");
        }
        return directory.employee(id).filter(this::visible).orElseThrow(() -> ScimException.notFound("User", id));
    }

    private boolean visible(Employee employee) {
        // Only an offboarded employee can have been deleted through SCIM; the others need no read of their link.
        return employee.status() != EmployeeStatus.OFFBOARDED
                || !links.of(employee.employeeId())
                        .map(ScimLinks.ScimLink::deleted)
                        .orElse(false);
    }

    private String externalIdOf(String employeeId) {
        return links.of(employeeId).map(ScimLinks.ScimLink::externalId).orElse(null);
    }

    private ResponseEntity<Map<String, Object>> ok(Employee employee, ScimProjection projection) {
        return ResponseEntity.ok()
                .contentType(ScimMedia.TYPE)
                .eTag(etag(employee))
                .body(projection.apply(representation(employee, externalIdOf(employee.employeeId()))));
    }

    private static ScimProjection projection(String attributes, String excludedAttributes) {
        return ScimProjection.of(attributes, excludedAttributes, List.of(ScimUser.SCHEMA));
    }

    private static void checkVersion(Employee employee, String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return;
        }
        var current = etag(employee);
        var matches = java.util.Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals(current) || ("W/" + tag).equals(current));
        if (!matches) {
            throw new ScimException(
                    HttpStatus.PRECONDITION_FAILED, null, "The user changed since that version; read it again.");
        }
    }

    static String etag(Employee employee) {
        return "W/\"" + employee.version() + "\"";
    }

    static String location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2/Users/{id}")
                .buildAndExpand(id)
                .toUriString();
    }

    private Map<String, Object> representation(Employee employee, String externalId) {
        var user = ScimUser.of(employee, externalId);
        var body = new LinkedHashMap<String, Object>();
        body.put("schemas", List.of(ScimUser.SCHEMA, ScimUser.ENTERPRISE));
        body.put("id", employee.employeeId());
        Optional.ofNullable(externalId).ifPresent(value -> body.put("externalId", value));
        body.put("userName", user.userName());
        var name = new LinkedHashMap<String, Object>();
        name.put("givenName", user.givenName());
        name.put("familyName", user.familyName());
        body.put("name", name);
        body.put("displayName", employee.fullName());
        if (user.email() != null) {
            body.put("emails", List.of(Map.of("value", user.email())));
        }
        body.put("active", user.active());
        var groups = new ArrayList<Map<String, Object>>();
        for (var grant : directory.grantsOf(employee.employeeId())) {
            groups.add(Map.of(
                    "value", grant.buildingId(),
                    "$ref", ScimGroupController.location(grant.buildingId()),
                    "type", "direct"));
        }
        body.put("groups", groups);
        Optional.ofNullable(user.department())
                .ifPresent(value -> body.put(ScimUser.ENTERPRISE, Map.of("department", value)));
        var meta = new LinkedHashMap<String, Object>();
        meta.put("resourceType", "User");
        meta.put("created", employee.registeredAt().toString());
        meta.put("lastModified", employee.updatedAt().toString());
        meta.put("location", location(employee.employeeId()));
        meta.put("version", etag(employee));
        body.put("meta", meta);
        return body;
    }

    static <T> List<T> page(List<T> all, int first, int size) {
        var from = Math.min(first - 1, all.size());
        return all.subList(from, Math.min(from + size, all.size()));
    }

    static Map<String, Object> listResponse(int total, int first, List<?> resources) {
        var body = new LinkedHashMap<String, Object>();
        body.put("schemas", List.of(LIST_SCHEMA));
        body.put("totalResults", total);
        body.put("startIndex", first);
        body.put("itemsPerPage", resources.size());
        body.put("Resources", resources);
        return body;
    }
}
