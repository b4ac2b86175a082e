package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.RunningApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad requests to the door API, written byte by byte on a socket (so no client tidies the path or the body), each
 * answered with a 4xx RFC 9457 problem: never a 5xx, never Tomcat's HTML page, and a bad field named.
 */
class DoorApiBadRequestIntegrationTests extends RunningApplication {

    private static final int CAP = 4096;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    private BackOffice.Site site;

    @BeforeEach
    void site() {
        site = new BackOffice(enhanced, aws).site(null, 0);
    }

    static Stream<Arguments> oversizedBodies() {
        return Stream.of("decisions", "swipes")
                .flatMap(operation -> Stream.of(
                        Arguments.of(operation, CAP + 1, false),
                        Arguments.of(operation, CAP + 1, true),
                        Arguments.of(operation, 5 * 1024 * 1024, false),
                        Arguments.of(operation, 5 * 1024 * 1024, true)));
    }

    @ParameterizedTest(name = "{0}: {1} bytes, chunked {2}")
    @MethodSource("oversizedBodies")
    void refusesABodyOverTheCapWith413(String operation, int size, boolean chunked) throws IOException {
        var padding = "x".repeat(size);
        var body = """
                {"eventId": "%s", "cardNumber": "%s", "direction": "IN", "occurredAt": "%s", "pad": "%s"}""".formatted(BackOffice.id(), site.cardNumber(), now(), padding);

        var answer =
                send("POST", path(site.doorA(), operation), headers(site.keyA().reveal()), body.getBytes(), chunked);

        assertProblem(answer, 413);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"decisions", "swipes"})
    void refusesADeclaredOversizedBodyWithoutWaitingForIt(String operation) throws IOException {
        var headers = headers(site.keyA().reveal());
        headers.put("Content-Length", String.valueOf(50L * 1024 * 1024));

        // Only the headers are sent: an answer at all shows the body was never read.
        var answer = send("POST", path(site.doorA(), operation), headers, null, false);

        assertProblem(answer, 413);
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of("decisions", "swipes")
                .flatMap(operation -> Stream.of("eventId", "cardNumber", "direction", "occurredAt")
                        .flatMap(field -> Stream.of("\\u0000", "\\u001b", "\\n", "\\u007f", "\\u2028")
                                .map(control -> Arguments.of(operation, field, control))));
    }

    @ParameterizedTest(name = "{0}: {2} in {1}")
    @MethodSource("controlCharacters")
    void refusesAControlCharacterInAnyTextFieldNamingTheField(String operation, String field, String control)
            throws IOException {
        var fields = validFields();
        fields.put(
                field,
                fields.get(field).substring(0, 2) + control + fields.get(field).substring(2));

        var answer = post(operation, json(fields));

        assertProblem(answer, 400);
        assertThat(answer.json().get("field").asString()).isEqualTo(field);
    }

    static Stream<Arguments> unknownFields() {
        return Stream.of("decisions", "swipes")
                .flatMap(operation -> Stream.of("cardNumbr", "doorId", "eventID", "extra")
                        .map(field -> Arguments.of(operation, field)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unknownFields")
    void refusesAnUnknownFieldNamingIt(String operation, String field) throws IOException {
        var fields = validFields();
        fields.put(field, "x");

        var answer = post(operation, json(fields));

        assertProblem(answer, 400);
        assertThat(answer.json().get("field").asString()).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/door-api/v1/doors/%00/decisions",
                "/door-api/v1/doors/a%00b/swipes",
                "/door-api/v1/doors/a%2Fb/decisions",
                "/door-api/v1/doors/%2F/swipes",
                "/door-api/v1/doors/../doors/x/decisions",
                "/door-api/v1/doors/%2e%2e/decisions",
                "/door-api/v1/doors/..%2Fx/decisions",
                "/door-api/v1/../../etc/passwd",
                "//door-api/v1/doors/x/decisions",
                "/door-api/v1/doors//decisions",
                "/door-api/v1/doors/x;a=b/decisions",
                "/door-api/v1/doors/x/decisions;jsessionid=1",
                "/door-api/v1/doors/x%3B/decisions",
                "/door-api/v1/doors/x%5C/decisions",
                "/door-api/v1/doors/x/decisions%00",
                "/door-api/v1/doors/%ZZ/decisions",
                "/door-api/v1/nothing-here",
                "/%00"
            })
    void answersAnOddPathWithAProblemNeverTomcatsPage(String path) throws IOException {
        var answer = send(
                "POST", path, headers(site.keyA().reveal()), json(validFields()).getBytes(), false);

        assertThat(answer.status()).as(answer.toString()).isIn(400, 401, 404, 405);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
        assertThat(answer.json().get("type").asString()).isNotBlank();
        assertThat(answer.json().get("title").asString()).isNotBlank();
    }

    private Map<String, String> validFields() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("eventId", BackOffice.id());
        fields.put("cardNumber", site.cardNumber());
        fields.put("direction", "IN");
        fields.put("occurredAt", now().toString());
        return fields;
    }

    private static String json(Map<String, String> fields) {
        var body = new StringBuilder("{");
        fields.forEach((name, value) -> body.append(body.length() > 1 ? ", " : "")
                .append('"')
                .append(name)
                .append("\": \"")
                .append(value)
                .append('"'));
        return body.append('}').toString();
    }

    private Raw post(String operation, String body) throws IOException {
        return send(
                "POST",
                path(site.doorA(), operation),
                headers(site.keyA().reveal()),
                body.getBytes(StandardCharsets.UTF_8),
                false);
    }

    private static String path(String doorId, String operation) {
        return "/door-api/v1/doors/" + doorId + "/" + operation;
    }

    private static Map<String, String> headers(String key) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Door-Key", key);
        return headers;
    }

    private static void assertProblem(Raw answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("type").asString()).isNotBlank();
        assertThat(answer.json().get("title").asString()).isNotBlank();
        assertThat(answer.json().get("detail").asString()).isNotBlank();
    }

    /**
     * One HTTP/1.1 exchange on its own connection, as written here. A null body sends the headers alone; chunked
     * sends the body in 8 KB chunks without a Content-Length. Writing stops quietly when the server closes early.
     */
    private Raw send(String method, String path, Map<String, String> headers, byte[] body, boolean chunked)
            throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null && chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                writeBody(out, body, chunked);
            }
            out.flush();
            return Raw.read(socket.getInputStream());
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) {
        try {
            if (!chunked) {
                out.write(body);
                return;
            }
            for (var from = 0; from < body.length; from += 8192) {
                var length = Math.min(8192, body.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, from, length);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException closedEarly) {
            // The server answered and closed before the whole body was written: its answer is still to be read.
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    record Raw(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        /** Reads a whole answer: the connection is closed after it, so the body runs to the end of the stream. */
        static Raw read(InputStream in) throws IOException {
            var bytes = new ByteArrayOutputStream();
            try {
                in.transferTo(bytes);
            } catch (IOException reset) {
                // A reset after the answer was sent (the server closed with our body unread) ends the stream.
            }
            var text = bytes.toString(StandardCharsets.UTF_8);
            var split = text.indexOf("\r\n\r\n");
            var head = split < 0 ? text : text.substring(0, split);
            var body = split < 0 ? "" : text.substring(split + 4);
            var lines = head.split("\r\n");
            if (lines[0].isEmpty()) {
                throw new IOException("no answer at all");
            }
            var status = Integer.parseInt(lines[0].split(" ")[1]);
            var headers = new LinkedHashMap<String, String>();
            for (var i = 1; i < lines.length; i++) {
                var colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Raw(status, headers, body);
        }

        private static String unchunk(String chunked) {
            var body = new StringBuilder();
            var at = 0;
            while (at < chunked.length()) {
                var lineEnd = chunked.indexOf("\r\n", at);
                var size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
