package io.badgeflow.admin.scim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters (RFC 7644, section 3.9): which attributes of a
 * resource an answer carries. Names are case-insensitive and may be qualified by their schema
 * ({@code urn:...:enterprise:2.0:User:department}) or name a sub-attribute ({@code name.givenName}); {@code id} and
 * {@code schemas} are always returned.
 *
 * @param attributes only these (empty: all)
 * @param excluded all but these
 */
record ScimProjection(List<String> attributes, List<String> excluded) {

    static final ScimProjection ALL = new ScimProjection(List.of(), List.of());

    private static final List<String> ALWAYS = List.of("id", "schemas");

    static ScimProjection of(String attributes, String excludedAttributes, List<String> coreSchemas) {
        return new ScimProjection(names(attributes, coreSchemas), names(excludedAttributes, coreSchemas));
    }

    Map<String, Object> apply(Map<String, Object> resource) {
        if (attributes.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        var result = new LinkedHashMap<String, Object>();
        for (var entry : resource.entrySet()) {
            var key = entry.getKey();
            var lower = key.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(lower)) {
                result.put(key, entry.getValue());
                continue;
            }
            var value = attributes.isEmpty() ? entry.getValue() : kept(lower, entry.getValue());
            if (value != null) {
                value = withoutExcluded(lower, value);
            }
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }

    /** The part of the attribute {@code name} the {@code attributes} list asks for, or null. */
    private Object kept(String name, Object value) {
        if (attributes.contains(name)) {
            return value;
        }
        if (value instanceof Map<?, ?> complex) {
            var part = new LinkedHashMap<String, Object>();
            complex.forEach((sub, subValue) -> {
                var separator = name.startsWith("urn:") ? ":" : ".";
                if (attributes.contains(name + separator + sub.toString().toLowerCase(Locale.ROOT))) {
                    part.put(sub.toString(), subValue);
                }
            });
            return part.isEmpty() ? null : part;
        }
        return null;
    }

    /** The attribute without what {@code excludedAttributes} names, or null when all of it is excluded. */
    private Object withoutExcluded(String name, Object value) {
        if (excluded.contains(name)) {
            return null;
        }
        if (value instanceof Map<?, ?> complex) {
            var part = new LinkedHashMap<String, Object>();
            complex.forEach((sub, subValue) -> {
                var separator = name.startsWith("urn:") ? ":" : ".";
                if (!excluded.contains(name + separator + sub.toString().toLowerCase(Locale.ROOT))) {
                    part.put(sub.toString(), subValue);
                }
            });
            return part.isEmpty() ? null : part;
        }
        return value;
    }

    private static List<String> names(String list, List<String> coreSchemas) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        var names = new ArrayList<String>();
        for (var raw : list.split(",")) {
            var name = raw.strip().toLowerCase(Locale.ROOT);
            for (var schema : coreSchemas) {
                var prefix = schema.toLowerCase(Locale.ROOT) + ":";
                if (name.startsWith(prefix)) {
                    name = name.substring(prefix.length());
                }
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
