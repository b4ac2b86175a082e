package io.badgeflow.admin.scim;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.paging.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Groups are the buildings; a member is an employee with an access grant to the building. Adding a member is
 * GrantAccess (at any hour, on any day: a schedule or dates are set in the back office), removing one is
 * RevokeAccess, each applied before the answer. Buildings themselves need doors and a time zone, so they are
 * registered in the back office: creating or deleting a group answers 501.
 */
// Not in the OpenAPI document: SCIM describes itself (/Schemas, /ResourceTypes) and scim2-tester checks it.
@Hidden
@RestController
@RequestMapping(
        value = "/scim/v2/Groups",
        produces = {ScimMedia.TYPE_VALUE, "application/json"})
class ScimGroupController {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static final Pattern MEMBER_PATH = Pattern.compile("(?i)members\\[\\s*value\\s+eq\\s+\"([^\"]+)\"\\s*\\]");

    private final BackOfficeDirectory directory;
    private final ScimLinks links;
    private final ScimCommands commands;

    ScimGroupController(BackOfficeDirectory directory, ScimLinks links, ScimCommands commands) {
        this.directory = directory;
        this.links = links;
        this.commands = commands;
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> get(
            @PathVariable String id, @RequestParam(required = false) String excludedAttributes) {
        return ok(building(id), !excludes(excludedAttributes));
    }

    @GetMapping
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> list(
            @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(defaultValue = "100") int count,
            @RequestParam(required = false) String excludedAttributes) {
        var parsed = filter == null ? null : ScimFilter.parse(filter, List.of("displayName", "externalId"));
        var first = Math.max(startIndex, 1);
        var size = Math.min(Math.max(count, 0), ScimUserController.MAX_COUNT);
        var withMembers = !excludes(excludedAttributes);
        var total = 0;
        var resources = new ArrayList<Map<String, Object>>();
        String cursor = null;
        do {
            var page = directory.buildings(new PageRequest(PageRequest.MAX_SIZE, cursor));
            for (var building : page.items()) {
                // Buildings have no externalId: such a filter matches none.
                if (parsed != null
                        && (parsed.attribute().equals("externalId")
                                || !building.name().equalsIgnoreCase(parsed.value()))) {
                    continue;
                }
                total++;
                if (total >= first && resources.size() < size) {
                    resources.add(representation(building, withMembers));
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return ResponseEntity.ok()
                .contentType(ScimMedia.TYPE)
                .body(ScimUserController.listResponse(total, first, resources));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> patch(
            @PathVariable String id, @RequestBody JsonNode body, @AuthenticationPrincipal Jwt client) {
        var building = building(id);
        var patch = ScimPatch.from(body);
        var members = new LinkedHashSet<>(members(id));
        for (var operation : patch.operations()) {
            var path = operation.path();
            var single = path == null ? null : MEMBER_PATH.matcher(path);
            if (single != null && single.matches() && operation.op().equals("remove")) {
                members.remove(single.group(1));
            } else if (path == null) {
                var value = operation.value();
                var named = ScimJson.member(value, "displayName");
                if (named != null) {
                    requireName(building, named);
                }
                var listed = ScimJson.member(value, "members");
                if (listed != null) {
                    if (operation.op().equals("replace")) {
                        members.clear();
                    }
                    members.addAll(memberIds(listed));
                }
            } else if (path.equalsIgnoreCase("members")) {
                switch (operation.op()) {
                    case "add" -> members.addAll(memberIds(operation.value()));
                    case "replace" -> {
                        members.clear();
                        members.addAll(memberIds(operation.value()));
                    }
                    default -> {
                        if (operation.value() == null || operation.value().isNull()) {
                            members.clear();
                        } else {
                            members.removeAll(memberIds(operation.value()));
                        }
                    }
                }
            } else if (path.equalsIgnoreCase("displayName") && !operation.op().equals("remove")) {
                requireName(building, operation.value());
            } else {
                throw ScimException.invalidPath("Unknown or unsupported path: " + path);
            }
        }
        bringMembersTo(client, id, members);
        return ok(building, true);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> replace(
            @PathVariable String id, @RequestBody JsonNode body, @AuthenticationPrincipal Jwt client) {
        var building = building(id);
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a JSON object.");
        }
        var named = ScimJson.member(body, "displayName");
        if (named != null) {
            requireName(building, named);
        }
        var listed = ScimJson.member(body, "members");
        bringMembersTo(client, id, listed == null ? Set.of() : memberIds(listed));
        return ok(building, true);
    }

    @PostMapping
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Map<String, Object>> create() {
        throw new ScimException(
                HttpStatus.NOT_IMPLEMENTED,
                null,
                "Groups are buildings; a building needs doors and a time zone and is registered in the back office.");
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.SCIM)
    ResponseEntity<Void> delete(@PathVariable String id) {
        throw new ScimException(
                HttpStatus.NOT_IMPLEMENTED,
                null,
                "Groups are buildings and are not deleted through SCIM; remove the members to revoke their access.");
    }

    /** Grants to the new members, then revokes from the departed, each command applied before the next. */
    private void bringMembersTo(Jwt client, String buildingId, Set<String> wanted) {
        var now = new LinkedHashSet<>(members(buildingId));
        for (var employeeId : wanted) {
            if (now.contains(employeeId)) {
                continue;
            }
            var employee = directory
                    .employee(employeeId)
                    .filter(found -> found.status() != EmployeeStatus.OFFBOARDED
                            || !links.of(employeeId)
                                    .map(ScimLinks.ScimLink::deleted)
                                    .orElse(false))
                    .orElseThrow(() -> ScimException.invalidValue("members: there is no User " + employeeId + "."));
            commands.run(
                    client,
                    stamp -> new GrantAccess(
                            stamp.commandId(),
                            stamp.actor(),
                            stamp.occurredAt(),
                            employee.employeeId(),
                            buildingId,
                            null,
                            null,
                            null));
        }
        for (var employeeId : now) {
            if (!wanted.contains(employeeId)) {
                commands.run(
                        client,
                        stamp -> new RevokeAccess(
                                stamp.commandId(), stamp.actor(), stamp.occurredAt(), employeeId, buildingId));
            }
        }
    }

    private static void requireName(Building building, JsonNode named) {
        var name = ScimJson.text(named, "displayName", 256);
        if (name != null && !name.equals(building.name())) {
            throw ScimException.mutability(
                    "A group's displayName is the building's name; rename it in the back office.");
        }
    }

    private static Set<String> memberIds(JsonNode members) {
        if (!members.isArray()) {
            throw ScimException.invalidValue("members must be an array of {\"value\": <user id>}.");
        }
        var ids = new LinkedHashSet<String>();
        for (var member : members) {
            var value = ScimJson.text(ScimJson.member(member, "value"), "members.value", 128);
            if (value == null) {
                throw ScimException.invalidValue("Every member needs a value (the user's id).");
            }
            ids.add(value);
        }
        return ids;
    }

    private List<String> members(String buildingId) {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            var page = directory.grantsFor(buildingId, new PageRequest(PageRequest.MAX_SIZE, cursor));
            page.items().forEach(grant -> ids.add(grant.employeeId()));
            cursor = page.next();
        } while (cursor != null);
        return ids;
    }

    private Building building(String id) {
        if (id.length() > 128) {
            throw ScimException.notFound("Group", "with that id");
        }
        return directory.building(id).orElseThrow(() -> ScimException.notFound("Group", id));
    }

    private ResponseEntity<Map<String, Object>> ok(Building building, boolean withMembers) {
        return ResponseEntity.ok().contentType(ScimMedia.TYPE).body(representation(building, withMembers));
    }

    private Map<String, Object> representation(Building building, boolean withMembers) {
        var body = new LinkedHashMap<String, Object>();
        body.put("schemas", List.of(SCHEMA));
        body.put("id", building.buildingId());
        body.put("displayName", building.name());
        if (withMembers) {
            var members = new ArrayList<Map<String, Object>>();
            for (var employeeId : members(building.buildingId())) {
                members.add(
                        Map.of("value", employeeId, "$ref", ScimUserController.location(employeeId), "type", "User"));
            }
            body.put("members", members);
        }
        var meta = new LinkedHashMap<String, Object>();
        meta.put("resourceType", "Group");
        meta.put("location", location(building.buildingId()));
        body.put("meta", meta);
        return body;
    }

    private static boolean excludes(String excludedAttributes) {
        return excludedAttributes != null
                && List.of(excludedAttributes.toLowerCase(Locale.ROOT).split("\\s*,\\s*"))
                        .contains("members");
    }

    static String location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2/Groups/{id}")
                .buildAndExpand(id)
                .toUriString();
    }
}
