package io.badgeflow.accessstream.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.RunningApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes access-stream's OpenAPI document, as the running service serves it, to
 * {@code target/openapi/access-stream.json}, where infra-cloudformation's RoutingIntegrationTests checks that
 * the load balancer routes every operation here.
 */
class OpenApiDocumentIntegrationTests extends RunningApplication {

    @Test
    void servesTheDoorApiDocumentAndPublishesItForTheRoutingTest() throws Exception {
        var body = http().get().uri("/v3/api-docs").retrieve().body(String.class);

        var paths = JsonMapper.shared().readTree(body).get("paths");
        assertThat(paths.propertyNames())
                .containsExactlyInAnyOrder(
                        "/door-api/v1/doors/{doorId}/decisions", "/door-api/v1/doors/{doorId}/swipes");
        var file = Path.of("target", "openapi", "access-stream.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
    }
}
