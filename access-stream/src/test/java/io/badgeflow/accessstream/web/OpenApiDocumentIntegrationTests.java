package io.badgeflow.accessstream.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.RunningApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what the document promises (every status, the key scheme, the limits; schemathesis checks that the
 * running service keeps the promises) and publishes access-stream's OpenAPI document, as the running service serves it, to
 * {@code target/openapi/access-stream.json}, where infra-cloudformation's RoutingIntegrationTests checks that
 * the load balancer routes every operation here.
 */
class OpenApiDocumentIntegrationTests extends RunningApplication {

    @Test
    void servesTheDoorApiDocumentAndPublishesItForTheRoutingTest() throws Exception {
        var body = http().get().uri("/v3/api-docs").retrieve().body(String.class);

        var document = JsonMapper.shared().readTree(body);
        var paths = document.get("paths");
        assertThat(paths.propertyNames())
                .containsExactlyInAnyOrder(
                        "/door-api/v1/doors/{doorId}/decisions",
                        "/door-api/v1/doors/{doorId}/swipes",
                        "/door-api/v1/doors/{doorId}/allow-list",
                        "/door-api/v1/doors/{doorId}/allow-list/public-key",
                        "/door-api/v1/doors/{doorId}/offline-decisions");
        assertThat(paths.get("/door-api/v1/doors/{doorId}/decisions")
                        .get("post")
                        .get("responses")
                        .propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "406", "409", "413", "415", "429", "503");
        assertThat(paths.get("/door-api/v1/doors/{doorId}/swipes")
                        .get("post")
                        .get("responses")
                        .propertyNames())
                .containsExactlyInAnyOrder("202", "400", "401", "403", "406", "409", "413", "415", "429", "503");
        var components = document.get("components");
        assertThat(components.at("/securitySchemes/doorKey/name").asString()).isEqualTo("X-Door-Key");
        assertThat(components.at("/schemas/Id/pattern").asString()).isEqualTo("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
        assertThat(components.at("/schemas/Problem/required").values())
                .extracting(node -> node.asString())
                .contains("type", "title", "status");
        assertThat(components
                        .at("/schemas/DecisionRequest/additionalProperties")
                        .asBoolean(true))
                .isFalse();
        var file = Path.of("target", "openapi", "access-stream.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
    }
}
