package io.badgeflow.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.badgeflow.admin.ApiSliceTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes admin-service's OpenAPI document, as served, to {@code target/openapi/admin-service.json}, where
 * infra-cloudformation's RoutingIntegrationTests checks that the load balancer routes every operation here.
 */
class OpenApiDocumentTests extends ApiSliceTestSupport {

    @Test
    void servesADocumentOfEveryOperationAndPublishesItForTheRoutingTest() throws Exception {
        var body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

        var paths = JsonMapper.shared().readTree(body).get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/employees", "/api/v1/doors/{doorId}",
                "/api/v1/doors/{doorId}/rotate-key", "/auth/login");
        var file = Path.of("target", "openapi", "admin-service.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
    }
}
