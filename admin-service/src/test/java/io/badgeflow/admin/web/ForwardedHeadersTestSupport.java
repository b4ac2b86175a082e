package io.badgeflow.admin.web;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.command.CommandDocumentStore;
import io.badgeflow.admin.deadletter.DeadLetterQueues;
import io.badgeflow.admin.idempotency.IdempotencyRefusals;
import io.badgeflow.admin.idempotency.IdempotencyStore;
import io.badgeflow.admin.imports.ImportFiles;
import io.badgeflow.admin.people.StaffDirectory;
import io.badgeflow.admin.session.HostedSignIn;
import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.user.UserDirectory;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.aws.testing.StackNames;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.offline.DoorListStatuses;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.presence.PresenceLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The whole application on a real Tomcat (the forwarded headers are a Tomcat valve's, which MockMvc never runs),
 * its ports mocked: the test client always connects from 127.0.0.1, so whether that peer is a trusted proxy is
 * what each subclass sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.cloud.aws.region.static=us-east-1",
            "spring.cloud.aws.credentials.access-key=test",
            "spring.cloud.aws.credentials.secret-key=test",
            "spring.cloud.aws.endpoint=http://127.0.0.1:9"
        })
abstract class ForwardedHeadersTestSupport {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackNames.placeholders(AdminServiceStack.class, Map.of("UserPoolId", "us-east-1_forwarded"))
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    /** An API request without a token (401 problem, with the security headers) carrying the given headers. */
    HttpResponse<String> get(String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/employees"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A sign-in attempt (its body is refused or not; the per-source limit is asked before it is read). */
    HttpResponse<String> signIn(String forwardedFor) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor);
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    HostedSignIn hostedSignIn;

    @MockitoBean
    CommandDocumentStore documents;

    @MockitoBean
    IdempotencyStore idempotency;

    @MockitoBean
    IdempotencyRefusals idempotencyRefusals;

    @MockitoBean
    BackOfficeDirectory directory;

    @MockitoBean
    DoorListStatuses doorLists;

    @MockitoBean
    CommandHistory history;

    @MockitoBean
    CommandLog log;

    @MockitoBean
    DeadLetterQueues deadLetters;

    @MockitoBean
    DeliveryFailures deliveryFailures;

    @MockitoBean
    ImportFiles importFiles;

    @MockitoBean
    ImportLedger importLedger;

    @MockitoBean
    AdminAuditTrail auditTrail;

    @MockitoBean
    ParkedRecordStore parkedRecords;

    @MockitoBean
    SignIn signIn;

    @MockitoBean
    StaffDirectory staff;

    @MockitoBean
    EventArchive archive;

    @MockitoBean
    PresenceLedger presence;

    @MockitoBean
    SwipeHistory swipes;

    @MockitoBean
    AccessFacts accessFacts;
}
