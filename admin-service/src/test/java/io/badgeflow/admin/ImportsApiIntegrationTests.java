package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbImportLedger;
import io.badgeflow.model.onboarding.ImportSource;
import io.badgeflow.model.onboarding.OnboardingRow;
import io.badgeflow.model.onboarding.ParsedRow;
import io.badgeflow.model.onboarding.PlanAction;
import io.badgeflow.model.onboarding.Reconciliation;
import io.badgeflow.model.onboarding.RowPerson;
import io.badgeflow.model.onboarding.RowResult;
import io.badgeflow.model.onboarding.SyncOptions;
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
 * HR sync against the emulator, without card-events: a file uploaded through the API lands in the imports bucket
 * under a fresh import id with its uploader, and is PENDING; its plan, progress and report are then written as
 * card-events writes them (ledger, reports bucket) and read back through the API; applying the plan writes its
 * confirmation to the imports bucket. The same file again is a new import (a new dry run).
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
    void storesAnUploadShowsItsPlanAppliesItOnConfirmationAndServesItsReport() throws Exception {
        var number = "E-" + UUID.randomUUID();
        var csv = ("employee number,given name,family name,email\n" + number
                        + ",Ada,Lovelace,ada@example.com\nE-2,Bob,,bob@example.com\n")
                .getBytes(StandardCharsets.UTF_8);

        var uploaded = send(
                HttpRequest.newBuilder(uri("/api/v1/imports?fullExport=true"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)),
                adminToken,
                202);

        var accepted = json(uploaded);
        var importId = accepted.get("importId").asString();
        var objectKey = "imports/" + importId + ".csv";
        assertThat(uploaded.headers().firstValue("Location")).contains("/api/v1/imports/" + importId);
        assertThat(accepted.get("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.get("alreadyUploaded").asBoolean()).isFalse();
        var stored = s3.headObject(r -> r.bucket(stack.importsBucketName()).key(objectKey));
        assertThat(stored.metadata())
                .containsEntry("uploaded-by", LocalAdminService.subjectOf(adminToken))
                .containsEntry("full-export", "true");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(stack.importsBucketName()).key(objectKey))
                        .asByteArray())
                .isEqualTo(csv);
        assertThat(json(get("/api/v1/imports/" + importId, operatorToken, 200))
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
        get("/api/v1/imports/" + importId + "/report", operatorToken, 404);
        get("/api/v1/imports/" + importId + "/plan", operatorToken, 404);

        // card-events' dry run, as it writes it: the plan in the ledger and as CSV
        var ledger = new DynamoDbImportLedger(enhanced, stack.importsTableName(), Duration.ofDays(30));
        var started = Instant.parse("2026-11-24T08:00:00Z");
        var source = new ImportSource(LocalAdminService.subjectOf(adminToken), null);
        var plan = Reconciliation.plan(
                importId,
                List.of(
                        ParsedRow.of(new OnboardingRow(
                                1, number, "Ada", "Lovelace", "ada@example.com", null, List.of(), null, null)),
                        ParsedRow.unreadable(2, "familyName must not be blank", new RowPerson("E-2", "Bob", null))),
                List.of(),
                SyncOptions.PARTIAL.asFullExport(),
                0.1);
        var planKey = "imports/" + importId + "/plan.csv";
        var planCsv = "row,action,employeeNumber\n1,CREATE," + number + "\n2,REJECTED,E-2\n";
        s3.putObject(
                r -> r.bucket(stack.reportsBucketName()).key(planKey).contentType("text/csv; charset=utf-8"),
                RequestBody.fromString(planCsv));
        ledger.planned(importId, objectKey, source, plan, planKey, null, started);
        var fingerprint = plan.counts().fingerprint();

        var planned = json(get("/api/v1/imports/" + importId, operatorToken, 200));
        assertThat(planned.get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.get("plan").get("create").asInt()).isEqualTo(1);
        assertThat(planned.get("plan").get("rejected").asInt()).isEqualTo(1);
        assertThat(planned.get("plan").get("fullExport").asBoolean()).isTrue();
        assertThat(planned.get("plan").get("fingerprint").asString()).isEqualTo(fingerprint);
        var rows = json(get("/api/v1/imports/" + importId + "/plan", operatorToken, 200));
        assertThat(rows.get("items").get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(rows.get("items").get(0).get("employeeNumber").asString()).isEqualTo(number);
        assertThat(rows.get("items").get(1).get("reason").asString()).isEqualTo("INVALID_FIELD");
        assertThat(rows.get("items").get(1).get("givenName").asString()).isEqualTo("Bob");
        var rejectedOnly = json(get("/api/v1/imports/" + importId + "/plan?action=REJECTED", operatorToken, 200));
        assertThat(rejectedOnly.get("items")).hasSize(1);
        var planDownload = get("/api/v1/imports/" + importId + "/plan/csv", operatorToken, 200);
        assertThat(planDownload.body()).isEqualTo(planCsv);
        assertThat(planDownload.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"import-" + importId + "-plan.csv\"");

        // applying: an operator may not, a stale fingerprint is refused, the plan's is confirmed
        send(apply(importId, "{\"fingerprint\":\"" + fingerprint + "\"}"), operatorToken, 403);
        var stale = send(apply(importId, "{\"fingerprint\":\"" + "f".repeat(32) + "\"}"), adminToken, 409);
        assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");
        send(apply(importId, "{\"fingerprint\":\"not-hex\"}"), adminToken, 400);
        send(apply(importId, "{\"fingerprint\":\"" + fingerprint + "\"}"), adminToken, 202);
        var confirmation = s3.getObjectAsBytes(r -> r.bucket(stack.importsBucketName())
                        .key("imports/confirmations/" + importId + "-" + fingerprint + ".csv"))
                .asUtf8String();
        assertThat(confirmation)
                .isEqualTo("importId,fingerprint,confirmedBy,overrideLimit,reason\n\"" + importId + "\",\""
                        + fingerprint + "\",\"" + LocalAdminService.subjectOf(adminToken) + "\",false,\"\"\n");

        // card-events applies it, as it writes it
        assertThat(ledger.applying(importId, fingerprint, source.uploadedBy(), false, started.plusSeconds(1)))
                .isTrue();
        ledger.batchFinished(
                importId,
                0,
                List.of(RowResult.applied(1, PlanAction.CREATE, "emp-1", new RowPerson(number, "Ada", "Lovelace"))));
        var report = "row,status,reason,message,employeeId\n1,APPLIED,,,emp-1\n2,REJECTED,INVALID_FIELD,"
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
        assertThat(completed.get("confirmedBy").asString()).isEqualTo(source.uploadedBy());
        assertThat(completed.get("startedAt").asString()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(completed.get("finishedAt").asString()).isEqualTo("2026-11-24T08:00:05Z");
        assertThat(completed.get("reportUrl").asString()).isEqualTo("/api/v1/imports/" + importId + "/report");
        send(apply(importId, "{\"fingerprint\":\"" + fingerprint + "\"}"), adminToken, 409);

        var download = get("/api/v1/imports/" + importId + "/report", operatorToken, 200);
        assertThat(download.body()).isEqualTo(report);
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"import-" + importId + "-report.csv\"");

        // the same bytes again, this time as a browser's form upload: a new import, a new dry run
        var again = json(send(multipart(csv), adminToken, 202));
        assertThat(again.get("importId").asString()).isNotEqualTo(importId);
        assertThat(again.get("status").asString()).isEqualTo("PENDING");
    }

    private HttpRequest.Builder apply(String importId, String body) {
        return HttpRequest.newBuilder(uri("/api/v1/imports/" + importId + "/apply"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void listsImportsNewestFirstWithCountsFileNameAndTheUploadersNameFromTheUserPool() throws Exception {
        // a browser's form upload keeps the file's name with the file, for card-events to record
        var csv = ("employee number,given name,family name,email\nE-" + UUID.randomUUID()
                        + ",Ada,Lovelace,ada@example.com\n")
                .getBytes(StandardCharsets.UTF_8);
        var uploadedId =
                json(send(multipart(csv), adminToken, 202)).get("importId").asString();
        assertThat(s3.headObject(r -> r.bucket(stack.importsBucketName()).key("imports/" + uploadedId + ".csv"))
                        .metadata())
                .containsEntry("file-name", "hr.csv")
                .doesNotContainKey("full-export");

        var ledger = new DynamoDbImportLedger(enhanced, stack.importsTableName(), Duration.ofDays(30));
        var uploader = LocalAdminService.subjectOf(adminToken);
        // later than any other test's imports, so these two head the shared table's list
        var base = Instant.parse("2099-01-01T00:00:00Z").plusSeconds(new java.util.Random().nextInt(1_000_000));
        var older = UUID.randomUUID().toString().replace("-", "");
        var newer = UUID.randomUUID().toString().replace("-", "");
        var plan = Reconciliation.plan(
                older,
                List.of(ParsedRow.of(new OnboardingRow(
                        1, "E-1", "Ada", "Lovelace", "ada@example.com", null, List.of(), null, null))),
                List.of(),
                SyncOptions.PARTIAL,
                0.1);
        ledger.planned(
                older, "imports/" + older + ".csv", new ImportSource(uploader, "März.csv"), plan, null, null, base);
        ledger.applying(older, plan.counts().fingerprint(), uploader, false, base);
        ledger.batchFinished(older, 0, List.of(RowResult.applied(1, PlanAction.CREATE, "emp-1", RowPerson.NONE)));
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
        assertThat(json(get("/api/v1/imports?size=100", operatorToken, 200))
                        .get("items")
                        .toString())
                .doesNotContain("\"rowsTotal\":" + tooLarge.length);
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
