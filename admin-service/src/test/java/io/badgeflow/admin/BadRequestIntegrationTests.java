package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every bad request gets a 4xx problem+json whose {@code type} is a string, from the real server (a mock request
 * would not pass the container's own checks): bodies over the endpoint's cap (413, declared or chunked), control
 * characters in any text field, fields a command does not have, odd paths (never Tomcat's HTML page, never 401 for
 * a caller with a valid token), and the security filters' own 401 and 403 (issue 14).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadRequestIntegrationTests {

    private static String adminToken;
    private static String operatorToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @BeforeAll
    static void users() {
        adminToken = LocalAdminService.accessToken("admin");
        operatorToken = LocalAdminService.accessToken("operator");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Arguments> oversizedBodies() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/employees", 16 * 1024 + 1, false),
                Arguments.of("POST", "/api/v1/employees", 16 * 1024 + 1, true),
                Arguments.of("POST", "/api/v1/employees", 10 * 1024 * 1024, true),
                Arguments.of("PUT", "/api/v1/cards/card-1/validity", 64 * 1024, false),
                Arguments.of("POST", "/api/v1/buildings", 20 * 1024, true),
                Arguments.of("POST", "/auth/login", 4 * 1024 + 1, false),
                Arguments.of("POST", "/auth/login", 8 * 1024, true));
    }

    @ParameterizedTest(name = "{0} {1}: {2} bytes, chunked {3}")
    @MethodSource("oversizedBodies")
    void refusesABodyOverTheCapBeforeReadingIt(String method, String path, int size, boolean chunked) throws Exception {
        var body = ("{\"givenName\": \"" + "x".repeat(size) + "\"}").getBytes();
        var publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        var response = http.send(
                signedIn(path)
                        .header("Content-Type", "application/json")
                        .method(method, publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        var problem = assertProblem(response, 413);
        assertThat(problem.get("limit").asLong()).isEqualTo(path.startsWith("/auth/") ? 4096 : 16384);
    }

    static Stream<Arguments> controlCharacters() {
        var employee =
                "{\"employeeNumber\": %s, \"givenName\": %s, \"familyName\": \"Doe\", \"email\": \"a@example.com\"}";
        return Stream.of(
                Arguments.of("POST", "/api/v1/employees", employee.formatted("\"E1\"", "\"Ada\\u0000\""), "givenName"),
                Arguments.of(
                        "POST", "/api/v1/employees", employee.formatted("\"E\\u001f1\"", "\"Ada\""), "employeeNumber"),
                Arguments.of(
                        "PUT", "/api/v1/employees/emp-1", employee.formatted("\"E1\"", "\"A\\u007fda\""), "givenName"),
                Arguments.of("POST", "/api/v1/employees", employee.formatted("\"E1\"", "\"Ada\\u0085\""), "givenName"),
                Arguments.of(
                        "POST", "/api/v1/employees", employee.formatted("\"E1\"", "\"Ada\\nLovelace\""), "givenName"),
                Arguments.of(
                        "POST",
                        "/api/v1/buildings",
                        "{\"buildingId\": \"B1\", \"name\": \"HQ\\t\", \"timeZone\": \"Europe/Berlin\"}",
                        "name"),
                Arguments.of(
                        "POST",
                        "/api/v1/buildings/B1/doors",
                        "{\"name\": \"\\u009bmain\", \"capability\": \"BOTH\"}",
                        "name"),
                Arguments.of("POST", "/auth/login", "{\"username\": \"a\\u0000\", \"password\": \"p\"}", "username"));
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @MethodSource("controlCharacters")
    void refusesControlCharactersNamingTheField(String method, String path, String body, String field)
            throws Exception {
        var response = http.send(
                signedIn(path)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        var problem = assertProblem(response, 400);
        assertThat(problem.get("errors").get(field).asString()).isEqualTo("must not contain control characters");
    }

    static Stream<Arguments> unknownFields() {
        return Stream.of(
                Arguments.of(
                        "POST",
                        "/api/v1/employees",
                        "{\"employeeNumber\": \"E1\", \"givenNmae\": \"Ada\", \"familyName\": \"Doe\", \"email\": \"a@example.com\"}",
                        "givenNmae"),
                Arguments.of("POST", "/api/v1/cards", "{\"cardNumber\": \"C1\", \"validUntill\": null}", "validUntill"),
                Arguments.of(
                        "PUT",
                        "/api/v1/buildings/B1/anti-passback",
                        "{\"mode\": \"TIMED\", \"minutes\": 5, \"minuets\": 5}",
                        "minuets"),
                Arguments.of(
                        "POST",
                        "/api/v1/employees/emp-1/grants",
                        "{\"buildingId\": \"B1\", \"schedule\": {\"days\": [\"MONDAY\"], \"form\": \"07:00\"}}",
                        "schedule.form"),
                Arguments.of("POST", "/auth/login", "{\"username\": \"a\", \"password\": \"p\", \"otp\": 1}", "otp"));
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @MethodSource("unknownFields")
    void refusesFieldsTheRequestDoesNotHave(String method, String path, String body, String field) throws Exception {
        var response = http.send(
                signedIn(path)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        var problem = assertProblem(response, 400);
        assertThat(problem.get("errors").get(field).asString()).isEqualTo("is not a field of this request");
    }

    static Stream<Arguments> emptyStringsAndWrongJsonTypes() {
        return Stream.of(
                Arguments.of(
                        "POST",
                        "/api/v1/cards",
                        "{\"cardNumber\": \"C1\", \"employeeId\": \"e1\", \"validFrom\": \"2030-01-01T00:00:00Z\","
                                + " \"validUntil\": \"\"}",
                        "validUntil"),
                Arguments.of(
                        "PUT",
                        "/api/v1/cards/card-1/validity",
                        "{\"validFrom\": \"\", \"validUntil\": \"2030-01-01T00:00:00Z\"}",
                        "validFrom"),
                Arguments.of(
                        "PUT", "/api/v1/buildings/HQ/anti-passback", "{\"mode\": \"\", \"minutes\": null}", "mode"),
                // A number or boolean is no time and no name (Jackson alone reads 0 as 1970 and -2.9e182 as text).
                Arguments.of(
                        "POST",
                        "/api/v1/cards",
                        "{\"cardNumber\": \"C1\", \"validFrom\": 0, \"validUntil\": \"2030-01-01T00:00:00Z\"}",
                        "validFrom"),
                Arguments.of(
                        "PUT",
                        "/api/v1/cards/card-1/validity",
                        "{\"validFrom\": \"2030-01-01\", \"validUntil\": null}",
                        "validFrom"),
                Arguments.of(
                        "POST",
                        "/api/v1/employees",
                        "{\"employeeNumber\": \"E1\", \"givenName\": \"Ada\", \"familyName\": -2.9e182,"
                                + " \"email\": \"ada@example.com\"}",
                        "familyName"),
                Arguments.of(
                        "POST",
                        "/api/v1/employees",
                        "{\"employeeNumber\": true, \"givenName\": \"Ada\", \"familyName\": \"L\","
                                + " \"email\": \"ada@example.com\"}",
                        "employeeNumber"));
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @MethodSource("emptyStringsAndWrongJsonTypes")
    void refusesAnEmptyStringOrAWrongJsonTypeNamingTheField(String method, String path, String body, String field)
            throws Exception {
        var response = http.send(
                signedIn(path)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        var problem = assertProblem(response, 400);
        assertThat(problem.get("errors").has(field)).as(response.body()).isTrue();
    }

    static Stream<Arguments> oddPaths() {
        return Stream.of(
                Arguments.of("/api/v1/employees/%00", 400),
                Arguments.of("/api/v1/employees/a%2Fb", 400),
                Arguments.of("/api/v1/employees/a%5Cb", 400),
                Arguments.of("/api/v1/employees/../cards", 400),
                Arguments.of("/api/v1/../../etc/passwd", 400),
                Arguments.of("/api/v1//employees", 400),
                Arguments.of("/api/v1/employees;jsessionid=1", 400),
                Arguments.of("/api/v1/employees/emp-1;x=y", 400),
                Arguments.of("/api/v1/employees/%25", 400),
                Arguments.of("/api/v1/employees/" + "a".repeat(129), 400),
                Arguments.of("/api/v1/employees/" + "a".repeat(7000), 400),
                Arguments.of("/api/v1/no-such-thing", 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddPaths")
    void answersOddPathsWithProblemJsonAndNeverUnauthorized(String path, int status) throws Exception {
        var response = http.send(signedIn(path).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, status);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"QUERY", "PROPFIND", "BREW"})
    void answersAMethodNoEndpointHasWith405(String method) throws Exception {
        var response = http.send(
                signedIn("/api/v1/employees")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

    static Stream<Arguments> instantsThatAreNoDateTimes() {
        return Stream.of(
                Arguments.of("/api/v1/doors/door-1/who-can-enter?at=0", "at"),
                Arguments.of("/api/v1/employees/emp-1/can-enter?at=1700000000000", "at"),
                Arguments.of("/api/v1/audit/swipes?doorId=door-1&from=Tue,%203%20Jun%202008%2011:05:30%20GMT", "from"),
                Arguments.of("/api/v1/audit/swipes?doorId=door-1&to=2026-12-07T10:00:00", "to"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instantsThatAreNoDateTimes")
    void refusesAnInstantThatIsNoDateTimeWithAnOffset(String path, String parameter) throws Exception {
        var response = http.send(signedIn(path).GET().build(), HttpResponse.BodyHandlers.ofString());

        var problem = assertProblem(response, 400);
        assertThat(problem.get("errors").has(parameter)).as(response.body()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/employees/nobody-1/can-enter?at=2030-01-01T00:00:00%2B18:47",
                "/api/v1/employees/nobody-1/can-enter?at=2030-01-01t00:00:00.5z",
                "/api/v1/doors/no-door-1/who-can-enter?at=0258-10-14T15:03:45.875-23:59"
            })
    void readsEveryRfc3339DateTimeEvenBeyondJavasOffsetRange(String path) throws Exception {
        var response = http.send(signedIn(path).GET().build(), HttpResponse.BodyHandlers.ofString());

        // The time is read; what is asked about does not exist.
        assertProblem(response, 404);
    }

    static Stream<Arguments> refusedCallers() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/employees", null, 401),
                Arguments.of("GET", "/api/v1/employees", "not-a-token", 401),
                Arguments.of("POST", "/api/v1/employees", "operator", 403),
                Arguments.of("POST", "/auth/refresh", null, 401));
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("refusedCallers")
    void refusesCallersWithAProblemThatHasAType(String method, String path, String who, int status) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (who != null) {
            request.header("Authorization", "Bearer " + ("operator".equals(who) ? operatorToken : who));
        }

        assertProblem(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), status);
    }

    private HttpRequest.Builder signedIn(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + adminToken);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode())
                .as("%s: %s", response.uri(), response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("type").isString()).as(response.body()).isTrue();
        assertThat(problem.get("title").isString()).as(response.body()).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}
