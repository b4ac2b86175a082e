package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.InvalidFieldException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page cursors: the key of the last item shown, as base64url of a compact JSON object of its (string) key
 * attributes. Opaque and URL-safe for callers; a cursor that is not one this listing issued is a bad request
 * rather than a DynamoDB validation error.
 */
final class Cursors {

    private static final JsonMapper JSON = JsonMapper.shared();

    private Cursors() {}

    static String encode(Map<String, AttributeValue> key) {
        var plain = new TreeMap<String, String>();
        key.forEach((name, value) -> {
            if (value.s() == null) {
                throw new IllegalStateException("cursor keys are strings; " + name + " is " + value);
            }
            plain.put(name, value.s());
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
    }

    /** The exclusive start key in {@code cursor}, which must name exactly {@code keyNames}. */
    static Map<String, AttributeValue> decode(String cursor, Set<String> keyNames) {
        Map<?, ?> plain;
        try {
            plain = JSON.readValue(Base64.getUrlDecoder().decode(cursor), Map.class);
        } catch (IllegalArgumentException | JacksonException notOurs) {
            throw invalid();
        }
        if (plain == null || !plain.keySet().equals(keyNames)) {
            throw invalid();
        }
        var key = new LinkedHashMap<String, AttributeValue>();
        for (var entry : plain.entrySet()) {
            if (!(entry.getValue() instanceof String value) || value.isEmpty()) {
                throw invalid();
            }
            key.put((String) entry.getKey(), AttributeValue.fromS(value));
        }
        return key;
    }

    static InvalidFieldException invalid() {
        return new InvalidFieldException("cursor", "is not a cursor of this listing; start again without one");
    }
}
