package io.badgeflow.admin.web;

import io.badgeflow.model.paging.PageRequest;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: Cognito bearer tokens, every command answered 202 with a
 * {@code Location}, and every error as problem+json, which springdoc cannot see from the handlers alone.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Bean
    OpenAPI badgeflowOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Badgeflow back office API")
                        .version("v1")
                        .description("""
                        Every change is a command: the API validates it, stores its document and answers 202 with \
                        Location: /api/v1/commands/{id}, where it becomes APPLIED or REJECTED (with a reason). \
                        An Idempotency-Key header makes a retried request return the same command."""))
                .components(new Components()
                        .addSecuritySchemes(
                                "cognito",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A Cognito access token; roles come from cognito:groups")))
                .addSecurityItem(new SecurityRequirement().addList("cognito"));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        // Added here rather than on the OpenAPI bean: springdoc rebuilds the schemas from the handlers.
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
            RequestAndResponseSchemas.tighten(api);
            timeZones(api);
        };
    }

    /** A building's time zone: one of the IANA zones this JVM knows (anything else is refused 400). */
    @SuppressWarnings("unchecked") // swagger-models' raw Schema and property map
    private static void timeZones(io.swagger.v3.oas.models.OpenAPI api) {
        var schemas = api.getComponents().getSchemas();
        var building = schemas == null ? null : schemas.get("RegisterBuildingRequest");
        if (building != null && building.getProperties() != null) {
            var zones = new java.util.TreeSet<>(java.time.ZoneId.getAvailableZoneIds());
            var timeZone = new StringSchema().maxLength(64);
            timeZone.setEnum(List.copyOf(zones));
            building.getProperties().put("timeZone", timeZone);
        }
        // A grant's schedule: times of day as Jackson reads a LocalTime (07:00, 07:00:30, 07:00:30.5).
        var schedule = schemas == null ? null : schemas.get("ScheduleRequest");
        if (schedule != null && schedule.getProperties() != null) {
            for (var name : List.of("from", "until")) {
                schedule.getProperties()
                        .put(
                                name,
                                new StringSchema()
                                        .pattern("^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?$"));
            }
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        var responses = operation.getResponses();
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> constrain(path, parameter));
        }
        if (path.startsWith("/auth/")) {
            // Public: how a caller gets a token; no bearer token is looked at here.
            operation.setSecurity(List.of());
            if (path.equals("/auth/logout")) {
                responses.remove("200");
                responses.addApiResponse(
                        "204",
                        new ApiResponse()
                                .description("Signed out: the refresh-token cookie is cleared (with or without one)"));
            } else {
                problem(
                        responses,
                        "401",
                        "The user pool refused the credentials, the refresh token or the "
                                + "sign-in step's session (expired, used, or no challenge cookie)");
            }
            if (path.equals("/auth/sso/{provider}")) {
                problem(responses, "404", "No such sign-in provider (none is configured without federation)");
                // The request-path guard answers before any handler, as for every path with a parameter.
                problem(
                        responses,
                        "400",
                        "The path is not acceptable ('..', '//', ';', an encoded '/' or '%', or control characters)");
            }
            if (path.equals("/auth/sso/callback")) {
                problem(
                        responses,
                        "400",
                        "No sign-in started here (no state cookie, or another state), no code, or the provider "
                                + "answered with an error");
            }
            // Per source address (badgeflow.admin-service.sign-in.per-source), before anything else.
            problem(responses, "429", "Too many sign-in requests from this address; Retry-After says when to retry");
            responses
                    .get("429")
                    .addHeaderObject(
                            "Retry-After",
                            new Header().description("Seconds to wait").schema(new IntegerSchema()));
            if (operation.getRequestBody() != null) {
                problem(responses, "400", "Invalid request; errors names each bad field");
                bodyLimits(responses, "4 KiB");
            }
            problem(responses, "500", "Unexpected failure");
            return;
        }
        var upload = path.equals("/api/v1/imports") && method == PathItem.HttpMethod.POST;
        var command = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter -> IDEMPOTENCY_KEY.equals(parameter.getName()));
        if (upload) {
            operation.getRequestBody().setRequired(true);
            accepted(
                    operation,
                    "Accepted: the file is stored and the import PENDING until card-events has planned it (the "
                            + "dry run: nothing is applied before POST .../apply); follow Location for its progress",
                    "/api/v1/imports/{importId}");
        } else if (path.equals("/api/v1/imports/{importId}/apply")) {
            accepted(
                    operation,
                    "Accepted: the confirmation is written; card-events applies the plan if the people still lead "
                            + "to it (else plans again); follow Location",
                    "/api/v1/imports/{importId}");
        } else if (command) {
            accepted(
                    operation,
                    "Accepted: the command is PENDING; follow Location for its status",
                    "/api/v1/commands/{commandId}");
        }
        if (path.equals("/api/v1/imports/{importId}/plan/csv")) {
            responses.addApiResponse(
                    "200",
                    new ApiResponse()
                            .description(
                                    "The plan, UTF-8 with a byte order mark: "
                                            + "row,action,employeeNumber,givenName,familyName,employeeId,changes,reason,message")
                            .content(new Content()
                                    .addMediaType("text/csv", new MediaType().schema(new StringSchema()))));
        }
        if (path.equals("/api/v1/imports/{importId}/report")) {
            // a Resource: springdoc would call it application/json (the default); it is the report CSV
            responses.addApiResponse(
                    "200",
                    new ApiResponse()
                            .description("The per-row report, "
                                    + "row,status,reason,message,employeeId,employeeNumber,givenName,familyName,action")
                            .content(new Content()
                                    .addMediaType("text/csv", new MediaType().schema(new StringSchema()))));
        }
        problem(responses, "400", "Invalid request; errors names each bad field, parameter or header");
        problem(responses, "401", "No valid Cognito access token");
        problem(responses, "403", "The caller's role does not allow this");
        if (path.contains("{")) {
            problem(responses, "404", "No such record");
        }
        if (upload) {
            problem(responses, "413", "The file is larger than badgeflow.admin-service.max-import-size");
            problem(responses, "415", "Neither text/csv nor multipart/form-data with a file part");
        } else if (operation.getRequestBody() != null) {
            bodyLimits(responses, "16 KiB");
        }
        if (command) {
            problem(responses, "409", "The Idempotency-Key was already used for a different request");
        }
        if (path.endsWith("/erasure")) {
            problem(
                    responses,
                    "409",
                    "The employee is not offboarded (offboard first) or is erased already, or the Idempotency-Key "
                            + "was already used for a different request");
        }
        if (path.equals("/api/v1/reception")) {
            problem(responses, "404", "No such building");
        }
        if (path.equals("/api/v1/reception/visitors")) {
            problem(
                    responses,
                    "409",
                    "The Idempotency-Key was already used for a different request, or the badge number is "
                            + "already in use");
            problem(
                    responses,
                    "403",
                    "The caller's role does not allow this (a contractor is registered by an admin only)");
        }
        if (path.startsWith("/api/v1/users") && method != PathItem.HttpMethod.GET) {
            problem(
                    responses,
                    "409",
                    "The user exists already, or the change would leave no enabled admin, or "
                            + "disables the caller's own account");
        }
        if (path.equals("/api/v1/imports/{importId}/apply")) {
            problem(
                    responses,
                    "409",
                    "The import is not PLANNED, its plan has another fingerprint now, or the plan offboards more "
                            + "people than the safety limit allows and overrideSafetyLimit is not set");
        }
        if (path.startsWith("/api/v1/alarms/") && method == PathItem.HttpMethod.POST) {
            problem(responses, "409", "The alarm is resolved already, or was acknowledged already");
        }
        if (path.startsWith("/api/v1/alarm-subscriptions") && method != PathItem.HttpMethod.GET) {
            problem(
                    responses,
                    "409",
                    "At the webhook limit (50), a secret rotated by someone else at the same moment, a rotation of a "
                            + "subscription without a secret, or a removal of the queue that feeds the webhooks");
        }
        problem(responses, "500", "Unexpected failure");
    }

    private static void bodyLimits(ApiResponses responses, String limit) {
        problem(responses, "413", "The request body is larger than " + limit);
        problem(responses, "415", "The body is not application/json");
    }

    /**
     * The patterns and limits the handlers enforce, by parameter name (springdoc sees only the Java types): ids as
     * the model takes them, page sizes, and the header's printable ASCII.
     */
    private static void constrain(String path, Parameter parameter) {
        // A fresh schema each time: springdoc shares one schema object between parameters of the same type.
        Schema<?> schema = switch (parameter.getName()) {
            case "employeeId", "cardId", "buildingId", "doorId", "commandId", "alarmId", "id" ->
                new StringSchema().pattern(ApiPatterns.ID).minLength(1).maxLength(128);
            case "importId" -> new StringSchema().pattern("^[0-9a-f]{32}$");
            case "username" -> new StringSchema().pattern("^[A-Za-z0-9@._+-]{1,128}$");
            // identity.yaml's IdentityProviderName pattern
            case "provider" -> new StringSchema().pattern("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$");
            case "queue" ->
                new StringSchema()._enum(List.of("commands", "imports", "releases", "alarm-fanout", "alarm-webhooks"));
            case "size" -> bounded(PageRequest.MAX_SIZE, 20);
            case "limit" ->
                path.endsWith("/redrive")
                        ? bounded(1000, 1000)
                        : path.startsWith("/api/v1/alarms") ? bounded(200, 50) : bounded(100, 20);
            case "cursor", "after" -> new StringSchema().maxLength(2048).pattern("^[A-Za-z0-9_=-]*$");
            case "q" -> new StringSchema().maxLength(128).pattern(ApiPatterns.TEXT);
            case "at", "from", "to" -> new StringSchema().format("date-time");
            case "date" -> new StringSchema().format("date");
            case IDEMPOTENCY_KEY ->
                new StringSchema()
                        .pattern("^[\\x20-\\x7E]*[\\x21-\\x7E][\\x20-\\x7E]*$")
                        .minLength(1)
                        .maxLength(128);
            default -> null;
        };
        if (schema != null) {
            parameter.setSchema(schema);
        }
        if ("query".equals(parameter.getIn()) && !Boolean.TRUE.equals(parameter.getRequired())) {
            // An optional parameter sent empty (?at=) is taken as not sent.
            parameter.setAllowEmptyValue(true);
        }
    }

    private static Schema<?> bounded(int max, int defaultValue) {
        var schema = new IntegerSchema();
        schema.setMinimum(BigDecimal.ONE);
        schema.setMaximum(BigDecimal.valueOf(max));
        schema.setDefault(defaultValue);
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static void oneOf(Schema<?> schema, List<String> values) {
        ((Schema<Object>) schema).setEnum(List.copyOf(values));
    }

    private static Schema<?> problemSchema() {
        var problem = new ObjectSchema();
        problem.setRequired(List.of("type", "title", "status"));
        return problem.description("RFC 9457 problem details")
                .addProperty(
                        "type",
                        new StringSchema().description("always about:blank: status and title say what went wrong"))
                .addProperty("title", new StringSchema())
                .addProperty(
                        "status",
                        new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "errors",
                        new ObjectSchema()
                                .additionalProperties(new StringSchema())
                                .description("each invalid field (or parameter, or header) and what is wrong with it"))
                .addProperty("limit", new IntegerSchema().description("with 413: the largest body accepted, in bytes"));
    }

    private static void accepted(Operation operation, String description, String location) {
        var responses = operation.getResponses();
        var ok = responses.remove("200");
        var accepted = ok == null ? new ApiResponse() : ok;
        accepted.description(description)
                .headers(Map.of("Location", new Header().description(location).schema(new StringSchema())));
        responses.addApiResponse("202", accepted);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        Schema<?> schema = new Schema<>().$ref(PROBLEM);
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema))));
    }
}
