package io.badgeflow.door;

import io.badgeflow.model.offline.AllowList;
import io.badgeflow.model.offline.AllowListDocument;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The controller's JSON: the service's documents read strictly, its own files and requests written plainly. */
final class DoorJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DoorJson() {}

    static AllowListDocument document(byte[] verified) {
        return MAPPER.readValue(verified, AllowListDocument.class);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static AllowList list(byte[] stored) {
        return MAPPER.readValue(stored, AllowList.class);
    }
}
