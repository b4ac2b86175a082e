package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbImportLedger;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportSource;
import io.badgeflow.model.onboarding.RowPerson;
import io.badgeflow.model.onboarding.RowResult;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk imports against the emulator, without card-events: a file uploaded through the API lands in the imports
 * bucket under its content hash with its uploader, and is PENDING; progress and report are then written as
 * card-events writes them (ledger, reports bucket) and read back through the API. The same file again is the
 * same import and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportsApiIntegrationTests {

    private static final int MAX_IMPORT_BYTES = 64 * 1024;

    private static String adminToken;
    private static String operatorToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
        registry.add("badgeflow.admin-service.max-import-size", () -> MAX_IMPORT_BYTES + "B");
    }

    @BeforeAll
    static void users() {
        adminToken = LocalAdminService.accessToken("admin");
        operatorToken = LocalAdminService.accessToken("operator");
    }

    @LocalServerPort
    int port;

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    AdminServiceStack stack;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void storesAnUploadWithItsUploaderShowsItPendingThenCompletedAndServesItsReport() throws Exception {
        var csv = ("employee number,given name,family name,email\nE-" + UUID.randomUUID()
                        + ",Ada,Lovelace,ada@example.com\nE-2,Bob,,bob@example.com\n")
                .getBytes(StandardCharsets.UTF_8);
        var importId = ImportId.of(csv);
        var objectKey = "imports/" + importId + ".csv";

        var uploaded = send(
                HttpRequest.newBuilder(uri("/api/v1/imports"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)),
                adminToken,
                202);

        assertThat(uploaded.headers().firstValue("Location")).contains("/api/v1/imports/" + importId);
        var accepted = json(uploaded);
        assertThat(accepted.get("importId").asString()).isEqualTo(importId);
        assertThat(accepted.get("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.get("alreadyUploaded").asBoolean()).isFalse();
        var stored = s3.headObject(r -> r.bucket(stack.importsBucketName()).key(objectKey));
        assertThat(stored.metadata()).containsEntry("uploaded-by", LocalAdminService.subjectOf(adminToken));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(stack.importsBucketName()).key(objectKey))
                        .asByteArray())
                .isEqualTo(csv);
        assertThat(json(get("/api/v1/imports/" + importId, operatorToken, 200))
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
        get("/api/v1/imports/" + importId + "/report", operatorToken, 404);

        // card-events' part, as it writes it: the ledger and the report
        var ledger = new DynamoDbImportLedger(enhanced, stack.importsTableName(), Duration.ofDays(30));
        var started = Instant.parse("2026-11-24T08:00:00Z");
        ledger.started(
                importId, objectKey, new ImportSource(LocalAdminService.subjectOf(adminToken), null), 2, started);
        ledger.batchFinished(
                importId,
                0,
                List.of(
                        RowResult.applied(1, "emp-1", new RowPerson("E-1", "Ada", "Lovelace")),
                        RowResult.rejected(
                                2,
                                "MALFORMED_COMMAND",
                                "familyName must not be blank",
                                new RowPerson("E-2", "Bob", null))));
        var report = "row,status,reason,message,employeeId\n1,APPLIED,,,emp-1\n2,REJECTED,MALFORMED_COMMAND,"
                + "familyName must not be blank,\n";
        var reportKey = "imports/" + importId + "/report.csv";
        s3.putObject(
                r -> r.bucket(stack.reportsBucketName()).key(reportKey).contentType("text/csv; charset=utf-8"),
                RequestBody.fromString(report));
        ledger.completed(importId, reportKey, started.plusSeconds(5));

        var completed = json(get("/api/v1/imports/" + importId, operatorToken, 200));
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("rowsTotal").asInt()).isEqualTo(2);
        assertThat(completed.get("applied").asInt()).isEqualTo(1);
        assertThat(completed.get("rejected").asInt()).isEqualTo(1);
        assertThat(completed.get("startedAt").asString()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(completed.get("finishedAt").asString()).isEqualTo("2026-11-24T08:00:05Z");
        assertThat(completed.get("reportUrl").asString()).isEqualTo("/api/v1/imports/" + importId + "/report");

        var download = get("/api/v1/imports/" + importId + "/report", operatorToken, 200);
        assertThat(download.body()).isEqualTo(report);
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"import-" + importId + "-report.csv\"");

        // the same bytes again, this time as a browser's form upload: the same import, nothing written
        var again = json(send(multipart(csv), adminToken, 202));
        // a file stored before keeps its first upload: no file name (that upload had none)
        assertThat(s3.headObject(r -> r.bucket(stack.importsBucketName()).key(objectKey))
                        .metadata())
                .doesNotContainKey("file-name");
        assertThat(again.get("importId").asString()).isEqualTo(importId);
        assertThat(again.get("alreadyUploaded").asBoolean()).isTrue();
        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
        var after = s3.headObject(r -> r.bucket(stack.importsBucketName()).key(objectKey));
        assertThat(after.eTag()).isEqualTo(stored.eTag());
        assertThat(after.lastModified()).isEqualTo(stored.lastModified());
    }

    @Test
    void listsImportsNewestFirstWithCountsFileNameAndTheUploadersNameFromTheUserPool() throws Exception {
        // a browser's form upload keeps the file's name with the file, for card-events to record
        var csv = ("employee number,given name,family name,email\nE-" + UUID.randomUUID()
                        + ",Ada,Lovelace,ada@example.com\n")
                .getBytes(StandardCharsets.UTF_8);
        send(multipart(csv), adminToken, 202);
        assertThat(s3.headObject(r -> r.bucket(stack.importsBucketName()).key("imports/" + ImportId.of(csv) + ".csv"))
                        .metadata())
                .containsEntry("file-name", "hr.csv");

        var ledger = new DynamoDbImportLedger(enhanced, stack.importsTableName(), Duration.ofDays(30));
        var uploader = LocalAdminService.subjectOf(adminToken);
        // later than any other test's imports, so these two head the shared table's list
        var base = Instant.parse("2099-01-01T00:00:00Z").plusSeconds(new java.util.Random().nextInt(1_000_000));
        var older = UUID.randomUUID().toString().replace("-", "");
        var newer = UUID.randomUUID().toString().replace("-", "");
        ledger.started(older, "imports/" + older + ".csv", new ImportSource(uploader, "März.csv"), 1, base);
        ledger.batchFinished(older, 0, List.of(RowResult.applied(1, "emp-1", RowPerson.NONE)));
        ledger.completed(older, "imports/" + older + "/report.csv", base.plusSeconds(1));
        ledger.rejected(
                newer,
                "imports/" + newer + ".csv",
                new ImportSource("imports-bucket", null),
                "not a CSV file",
                base.plusSeconds(60));

        var first = json(get("/api/v1/imports?size=1", operatorToken, 200));
        assertThat(first.get("items").get(0).get("importId").asString()).isEqualTo(newer);
        assertThat(first.get("items").get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(first.get("items").get(0).get("uploadedBy").asString()).isEqualTo("imports-bucket");
        assertThat(first.get("items").get(0).get("uploadedByName").isNull()).isTrue();
        var cursor = first.get("next").asString();

        var second = json(get(
                "/api/v1/imports?size=1&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                operatorToken,
                200));
        var item = second.get("items").get(0);
        assertThat(item.get("importId").asString()).isEqualTo(older);
        assertThat(item.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(item.get("applied").asInt()).isEqualTo(1);
        assertThat(item.get("rejected").asInt()).isZero();
        assertThat(item.get("fileName").asString()).isEqualTo("März.csv");
        assertThat(item.get("uploadedBy").asString()).isEqualTo(uploader);
        // the emulator's user has no name or email attribute: the username names them
        assertThat(item.get("uploadedByName").asString()).startsWith("itest-admin-");

        get("/api/v1/imports?cursor=not-a-cursor", operatorToken, 400);
    }

    @Test
    void refusesWhatCardEventsCouldNeverImportAndCallersWithoutTheRole() throws Exception {
        var unknown = get("/api/v1/imports/" + "0".repeat(32), operatorToken, 404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        get("/api/v1/imports/not-an-import", operatorToken, 400);

        send(
                HttpRequest.newBuilder(uri("/api/v1/imports"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])),
                adminToken,
                400);
        send(
                HttpRequest.newBuilder(uri("/api/v1/imports"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString("a,b\n")),
                operatorToken,
                403);

        var tooLarge = ("x".repeat(MAX_IMPORT_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
        var raw = send(
                HttpRequest.newBuilder(uri("/api/v1/imports"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)),
                adminToken,
                413);
        assertThat(raw.headers().firstValue("Content-Type")).contains("application/problem+json");
        var form = send(multipart(tooLarge), adminToken, 413);
        assertThat(form.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(s3.listObjectsV2(r -> r.bucket(stack.importsBucketName()).prefix("imports/" + ImportId.of(tooLarge)))
                        .keyCount())
                .isZero();
    }

    private HttpRequest.Builder multipart(byte[] csv) {
        var boundary = "----badgeflow" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hr.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpResponse<String> get(String path, String token, int expectedStatus) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token, expectedStatus);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token, int expectedStatus) throws Exception {
        var response = http.send(
                request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s: %s", response.request().uri(), response.body())
                .isEqualTo(expectedStatus);
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
