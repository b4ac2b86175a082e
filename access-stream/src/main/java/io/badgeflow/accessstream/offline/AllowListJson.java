package io.badgeflow.accessstream.offline;

import io.badgeflow.model.offline.AllowListDocument;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of an allow-list document: UTF-8, no whitespace, fields in the record's order, times as RFC 3339
 * strings, absent values as {@code null}. The signature covers these bytes as served; a door verifies the bytes it
 * received before it parses them, so no second, "canonical" rendering has to agree with this one.
 */
final class AllowListJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AllowListJson() {}

    static byte[] write(AllowListDocument document) {
        return MAPPER.writeValueAsBytes(document);
    }
}
