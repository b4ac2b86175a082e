package io.badgeflow.admin.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What springdoc cannot see from the Java types, stated on the document's schemas: a request body has no fields
 * beyond its own (StrictJson refuses them) and its optional fields may be sent as {@code null} (read as left out),
 * the upload's form needs its {@code file} part, and a field of an answer may be {@code null} (Java's records carry
 * absent values as null).
 */
// swagger-models hands out raw Schema maps (Map<String, Schema>): every call through them is unchecked.
@SuppressWarnings("unchecked")
final class RequestAndResponseSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private RequestAndResponseSchemas() {}

    static void tighten(OpenAPI api) {
        var schemas = api.getComponents().getSchemas();
        var requests = new HashSet<String>();
        var pending = new ArrayDeque<Schema<?>>();
        api.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().stream()
                                .filter(response -> response.getContent() != null)
                                .flatMap(response -> response.getContent().values().stream())
                                .filter(media -> media.getSchema() != null)
                                .forEach(media -> answer(media.getSchema()));
                    }
                    if (operation.getRequestBody() == null
                            || operation.getRequestBody().getContent() == null) {
                        return;
                    }
                    operation.getRequestBody().getContent().forEach((type, media) -> {
                        if (media.getSchema() == null) {
                            return;
                        }
                        if (type.startsWith("multipart/") && media.getSchema().getProperties() != null) {
                            media.getSchema()
                                    .setRequired(List.copyOf(
                                            media.getSchema().getProperties().keySet()));
                            media.getSchema().setAdditionalProperties(false);
                        }
                        pending.add(media.getSchema());
                    });
                }));
        while (!pending.isEmpty()) {
            var schema = pending.poll();
            if (schema.get$ref() != null && schema.get$ref().startsWith(PREFIX)) {
                var name = schema.get$ref().substring(PREFIX.length());
                if (requests.add(name) && schemas != null && schemas.get(name) != null) {
                    pending.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::add);
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
        }
        if (schemas == null) {
            return;
        }
        schemas.forEach((name, schema) -> {
            if (name.equals("Problem")) {
                // Its own fields are never null: Problems writes no null.
                return;
            }
            if (requests.contains(name)) {
                if (schema.getProperties() != null) {
                    schema.setAdditionalProperties(false);
                    // An optional field sent as null is read as left out (a card without an end of validity).
                    var required = schema.getRequired() == null ? Set.<String>of() : Set.copyOf(schema.getRequired());
                    schema.getProperties()
                            .replaceAll((field, value) ->
                                    required.contains(field) ? (Schema<?>) value : orNull((Schema<?>) value));
                }
            } else {
                answer(schema);
            }
        });
    }

    /** A field of an answer: null allowed; a choice of shapes that may overlap: any of them. */
    private static void answer(Schema<?> schema) {
        if (schema.getOneOf() != null) {
            schema.setAnyOf(schema.getOneOf());
            schema.setOneOf(null);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(RequestAndResponseSchemas::answer);
        }
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().replaceAll((name, value) -> orNull((Schema<?>) value));
    }

    /** The property's shape, or null. */
    private static Schema<?> orNull(Schema<?> property) {
        if (property.get$ref() != null) {
            // A nested shape that may be absent (a grant without a schedule): the shape or null.
            var nullable = new Schema<Object>();
            nullable.setAnyOf(List.of(property, new Schema<Object>().types(new LinkedHashSet<>(Set.of("null")))));
            return nullable;
        }
        Set<String> types = property.getTypes() != null
                ? new LinkedHashSet<>(property.getTypes())
                : property.getType() != null ? new LinkedHashSet<>(Set.of(property.getType())) : null;
        if (types != null) {
            types.add("null");
            property.setTypes(types);
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            // A choice that may be left out: null is one of the values too.
            ((List<Object>) property.getEnum()).add(null);
        }
        return property;
    }
}
