package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document says what the handlers enforce, so a client (or schemathesis, which the test run
 * points at it) can rely on it: every error a problem whose type is required, every id parameter its pattern,
 * every command its 409 and body limits, closed request bodies, and the public sign-in endpoints as they answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIntegrationTests {

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @LocalServerPort
    int port;

    private JsonNode document;

    @BeforeEach
    void document() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        document = JsonMapper.shared().readTree(response.body());
    }

    @Test
    void describesEveryProblemWithARequiredStringType() {
        var problem = document.at("/components/schemas/Problem");
        assertThat(problem.get("required").valueStream().map(JsonNode::asString))
                .contains("type", "title", "status");
        assertThat(problem.at("/properties/type/type").asString()).isEqualTo("string");
        for (var operation : operations()) {
            operation.get("responses").properties().forEach(status -> {
                if (status.getKey().startsWith("4") || status.getKey().startsWith("5")) {
                    assertThat(status.getValue()
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asString())
                            .as(status.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
        }
    }

    @Test
    void givesEveryIdParameterItsPattern() {
        var ids = Set.of("employeeId", "cardId", "buildingId", "doorId", "commandId");
        var checked = 0;
        for (var operation : operations()) {
            for (var parameter : operation.path("parameters")) {
                if (ids.contains(parameter.get("name").asString())) {
                    assertThat(parameter.at("/schema/pattern").asString())
                            .isEqualTo("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
                    assertThat(parameter.at("/schema/maxLength").asInt()).isEqualTo(128);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void documentsTheCommandsRefusals() {
        var register = document.at("/paths/~1api~1v1~1employees/post");
        assertThat(register.get("responses").propertyNames())
                .contains("202", "400", "401", "403", "409", "413", "415", "500");
        assertThat(document.at("/components/schemas/EmployeeRequest/additionalProperties")
                        .asBoolean(true))
                .isFalse();
        assertThat(document.at("/components/schemas/EmployeeRequest/properties/givenName/pattern")
                        .asString())
                .isNotBlank();
    }

    @Test
    void documentsSignInAsItAnswers() {
        var logout = document.at("/paths/~1auth~1logout/post");
        assertThat(logout.get("responses").propertyNames()).contains("204").doesNotContain("200", "202");
        assertThat(logout.get("security")).isEmpty();
        var login = document.at("/paths/~1auth~1login/post");
        assertThat(login.get("responses").propertyNames()).contains("200", "400", "401", "413", "429");
        assertThat(login.at("/responses/429/headers/Retry-After").isMissingNode())
                .isFalse();
        for (var step : java.util.List.of("new-password", "mfa", "mfa-setup")) {
            var operation = document.at("/paths/~1auth~1" + step + "/post");
            assertThat(operation.get("security")).as(step).isEmpty();
            assertThat(operation.get("responses").propertyNames()).as(step).contains("200", "400", "401", "429");
        }
    }

    @Test
    void documentsTheUsersApiWithItsRefusals() {
        var invite = document.at("/paths/~1api~1v1~1users/post/responses");
        assertThat(invite.propertyNames())
                .contains("201", "400", "401", "403", "409")
                .doesNotContain("200");
        var disable = document.at("/paths/~1api~1v1~1users~1{username}~1disable/post");
        assertThat(disable.get("responses").propertyNames()).contains("200", "404", "409");
        assertThat(disable.at("/parameters/0/schema/pattern").asString()).isEqualTo("^[A-Za-z0-9@._+-]{1,128}$");
    }

    @Test
    void describesTheListOfImportsAndTheReportAsCsv() {
        var list = document.at("/paths/~1api~1v1~1imports/get");
        assertThat(list.at("/responses/200").isMissingNode()).isFalse();
        assertThat(list.at("/responses/400/content/application~1problem+json").isMissingNode())
                .isFalse();
        var report = document.at("/paths/~1api~1v1~1imports~1{importId}~1report/get/responses/200/content");
        assertThat(report.has("text/csv")).isTrue();
        assertThat(report.has("application/json")).isFalse();
    }

    private java.util.List<JsonNode> operations() {
        var operations = new ArrayList<JsonNode>();
        document.get("paths").values().forEach(item -> item.values().forEach(operations::add));
        return operations;
    }
}
