package io.badgeflow.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.Examples;
import io.badgeflow.admin.command.CommandDocumentStore;
import io.badgeflow.admin.deadletter.DeadLetterQueues;
import io.badgeflow.admin.idempotency.IdempotencyStore;
import io.badgeflow.admin.imports.ImportFiles;
import io.badgeflow.admin.people.StaffDirectory;
import io.badgeflow.admin.session.HostedSignIn;
import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.subscription.AlarmTopicSubscriptions;
import io.badgeflow.admin.subscription.TopicSubscription;
import io.badgeflow.admin.user.StaffRole;
import io.badgeflow.admin.user.StaffUser;
import io.badgeflow.admin.user.UserDirectory;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.aws.testing.StackNames;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmBoard;
import io.badgeflow.model.alarm.AlarmHandling;
import io.badgeflow.model.alarm.AlarmRecord;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.employee.Affiliates;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import io.badgeflow.model.onboarding.PlanCounts;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.presence.PresenceLedger;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, over every endpoint the application maps: no token, a forged signature and an expired token
 * are 401; each role gets exactly 403 or 2xx. Tokens are signed with a key of the test's own and checked by the
 * production validators, so a weakened check fails here. The endpoint list comes from the handler mapping, and
 * an endpoint without an expectation fails the build.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "spring.cloud.aws.region.static=us-east-1",
            "spring.cloud.aws.credentials.access-key=test",
            "spring.cloud.aws.credentials.secret-key=test",
            // Hundreds of /auth calls from one address: the limit itself is SignInRateLimitApiTests'.
            "badgeflow.admin-service.sign-in.per-source.burst=100000",
            "badgeflow.admin-service.sign-in.per-source.per-second=1000"
        })
class AuthorizationMatrixTests {

    static final String USER_POOL_ID = "us-east-1_matrix";
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/" + USER_POOL_ID;
    static final String CLIENT_ID = "matrix-client";

    private static final KeyPair TRUSTED = rsaKeyPair();
    private static final KeyPair FORGER = rsaKeyPair();

    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> STAFF = Set.of("admin", "operator", "auditor");
    private static final Set<String> ADMIN_OR_OPERATOR = Set.of("admin", "operator");
    private static final Set<String> ADMIN_OR_AUDITOR = Set.of("admin", "auditor");
    /** Public endpoints: every caller, with or without a token (valid or not), gets the same answer. */
    private static final Set<String> ANYONE = Set.of("anyone");

    private static final String IMPORT_ID = "0123456789abcdef0123456789abcdef";
    private static final String CSV =
            "employee number,given name,family name,email\nE-1,Ada,Lovelace,ada@example.com\n";

    private static final String EMPLOYEE = """
            {"employeeNumber":"E-1","givenName":"Ada","familyName":"Lovelace","email":"ada@example.com"}""";

    /** Every endpoint, with the groups that may call it and a valid body, so a refusal can only be the role's. */
    private static final Map<String, Expectation> MATRIX = Map.ofEntries(
            Map.entry("POST /api/v1/employees", new Expectation(ADMIN, EMPLOYEE)),
            Map.entry("PUT /api/v1/employees/{employeeId}", new Expectation(ADMIN, EMPLOYEE)),
            Map.entry("POST /api/v1/employees/{employeeId}/deactivate", new Expectation(ADMIN, null)),
            Map.entry("POST /api/v1/employees/{employeeId}/reactivate", new Expectation(ADMIN, null)),
            Map.entry("POST /api/v1/employees/{employeeId}/offboard", new Expectation(ADMIN, null)),
            // the directory's employee is ACTIVE: an admin gets past authorization to the 409 "offboard first"
            Map.entry(
                    "POST /api/v1/employees/{employeeId}/erasure",
                    new Expectation(ADMIN, "{\"reason\":\"ticket 4711\"}", 409)),
            Map.entry("POST /api/v1/employees/{employeeId}/grants", new Expectation(ADMIN, """
                    {"buildingId":"HQ","schedule":{"days":["MONDAY"],"from":"07:00","until":"19:00"}}""")),
            Map.entry("DELETE /api/v1/employees/{employeeId}/grants/{buildingId}", new Expectation(ADMIN, null)),
            Map.entry("GET /api/v1/employees", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/employees/{employeeId}", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/employees/{employeeId}/commands", new Expectation(STAFF, null)),
            Map.entry(
                    "POST /api/v1/cards", new Expectation(ADMIN, "{\"cardNumber\":\"04A1\",\"employeeId\":\"emp-1\"}")),
            Map.entry("POST /api/v1/cards/{cardId}/link", new Expectation(ADMIN, "{\"employeeId\":\"emp-1\"}")),
            Map.entry("POST /api/v1/cards/{cardId}/unlink", new Expectation(ADMIN, null)),
            Map.entry("POST /api/v1/cards/{cardId}/suspend", new Expectation(ADMIN, null)),
            Map.entry("POST /api/v1/cards/{cardId}/resume", new Expectation(ADMIN, null)),
            Map.entry("POST /api/v1/cards/{cardId}/report-lost", new Expectation(ADMIN, null)),
            Map.entry("POST /api/v1/cards/{cardId}/revoke", new Expectation(ADMIN, null)),
            Map.entry(
                    "PUT /api/v1/cards/{cardId}/validity",
                    new Expectation(ADMIN, "{\"validUntil\":\"2030-01-01T00:00:00Z\"}")),
            Map.entry("GET /api/v1/cards", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/cards/{cardId}", new Expectation(STAFF, null)),
            Map.entry(
                    "POST /api/v1/buildings",
                    new Expectation(ADMIN, "{\"buildingId\":\"HQ\",\"name\":\"HQ\",\"timeZone\":\"Europe/London\"}")),
            Map.entry(
                    "PUT /api/v1/buildings/{buildingId}/anti-passback",
                    new Expectation(ADMIN, "{\"mode\":\"TIMED\",\"minutes\":15}")),
            Map.entry("GET /api/v1/buildings", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/buildings/{buildingId}", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/buildings/{buildingId}/grants", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/buildings/{buildingId}/inside-at", new Expectation(ADMIN_OR_AUDITOR, null)),
            Map.entry(
                    "POST /api/v1/buildings/{buildingId}/doors",
                    new Expectation(ADMIN, "{\"name\":\"Main\",\"capability\":\"BOTH\"}")),
            Map.entry("POST /api/v1/doors/{doorId}/rotate-key", new Expectation(ADMIN, null)),
            Map.entry("GET /api/v1/doors/{doorId}", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/commands", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/commands/{commandId}", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/dead-letters", new Expectation(ADMIN_OR_OPERATOR, null)),
            Map.entry("POST /api/v1/dead-letters/{queue}/redrive", new Expectation(ADMIN_OR_OPERATOR, null, 200)),
            Map.entry("POST /api/v1/imports", new Expectation(ADMIN, CSV, 0, "text/csv")),
            Map.entry("GET /api/v1/imports", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/imports/{importId}", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/imports/{importId}/report", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/imports/{importId}/plan", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/imports/{importId}/plan/csv", new Expectation(STAFF, null)),
            // The import is COMPLETED, so an admin's apply is refused (409): authorised, nothing to apply.
            Map.entry(
                    "POST /api/v1/imports/{importId}/apply",
                    new Expectation(ADMIN, "{\"fingerprint\":\"0123456789abcdef0123456789abcdef\"}", 409)),
            Map.entry("GET /api/v1/admin-audit", new Expectation(ADMIN_OR_AUDITOR, null)),
            Map.entry("GET /api/v1/admin-audit/verify", new Expectation(ADMIN_OR_AUDITOR, null)),
            Map.entry("GET /api/v1/buildings/{buildingId}/occupancy", new Expectation(ADMIN_OR_OPERATOR, null)),
            Map.entry("GET /api/v1/buildings/{buildingId}/muster", new Expectation(ADMIN_OR_OPERATOR, null)),
            Map.entry("GET /api/v1/reception", new Expectation(ADMIN_OR_OPERATOR, null)),
            // A contractor is an admin's alone: ReceptionController refuses an operator's with 403 itself.
            Map.entry("POST /api/v1/reception/visitors", new Expectation(ADMIN_OR_OPERATOR, """
                    {"givenName":"Grace","familyName":"Hopper","hostEmployeeId":"emp-1","buildingIds":["HQ"],\
                    "cardNumber":"V-1"}""")),
            Map.entry("GET /api/v1/buildings/{buildingId}/activity", new Expectation(ADMIN_OR_OPERATOR, null)),
            Map.entry("GET /api/v1/live", new Expectation(ADMIN_OR_OPERATOR, null)),
            Map.entry("GET /api/v1/audit/swipes", new Expectation(ADMIN_OR_AUDITOR, null)),
            Map.entry("GET /api/v1/audit/swipes.csv", new Expectation(ADMIN_OR_AUDITOR, null)),
            Map.entry("GET /api/v1/doors/{doorId}/who-can-enter", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/employees/{employeeId}/can-enter", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/parked-records", new Expectation(ADMIN_OR_OPERATOR, null)),
            // Alarms: every staff role reads; operators and admins handle them; admins decide who they reach.
            Map.entry("GET /api/v1/alarms", new Expectation(STAFF, null)),
            Map.entry("GET /api/v1/alarms/{alarmId}", new Expectation(STAFF, null)),
            Map.entry("POST /api/v1/alarms/{alarmId}/acknowledge", new Expectation(ADMIN_OR_OPERATOR, "{}", 200)),
            Map.entry("POST /api/v1/alarms/{alarmId}/resolve", new Expectation(ADMIN_OR_OPERATOR, "{}", 200)),
            Map.entry("GET /api/v1/alarm-subscriptions", new Expectation(STAFF, null)),
            Map.entry(
                    "POST /api/v1/alarm-subscriptions",
                    new Expectation(ADMIN, "{\"protocol\":\"EMAIL\",\"endpoint\":\"security@example.com\"}", 201)),
            Map.entry("POST /api/v1/alarm-subscriptions/{id}/rotate-secret", new Expectation(ADMIN, null, 200)),
            Map.entry("DELETE /api/v1/alarm-subscriptions/{id}", new Expectation(ADMIN, null, 204)),
            // How the web UI signs in: public by nature; the user pool decides (here a mock that accepts).
            Map.entry(
                    "POST /auth/login",
                    new Expectation(ANYONE, "{\"username\":\"demo-admin\",\"password\":\"pw\"}", 200)),
            // No refresh cookie is sent, so there is no session to refresh, whatever the Authorization header says.
            Map.entry("POST /auth/refresh", new Expectation(ANYONE, null, 401)),
            Map.entry("POST /auth/logout", new Expectation(ANYONE, null, 204)),
            // The steps after a password: without the step's challenge cookie there is nothing to answer.
            Map.entry(
                    "POST /auth/new-password",
                    new Expectation(ANYONE, "{\"username\":\"u\",\"newPassword\":\"A-new-password-1\"}", 401)),
            Map.entry("POST /auth/mfa", new Expectation(ANYONE, "{\"username\":\"u\",\"code\":\"123456\"}", 401)),
            Map.entry("POST /auth/mfa-setup", new Expectation(ANYONE, "{\"username\":\"u\",\"code\":\"123456\"}", 401)),
            // Single sign-on: public; no provider is configured here, and a callback without its cookie is refused.
            Map.entry("GET /auth/providers", new Expectation(ANYONE, null, 200)),
            Map.entry("GET /auth/sso/{provider}", new Expectation(ANYONE, null, 404)),
            Map.entry("GET /auth/sso/callback", new Expectation(ANYONE, null, 400)),
            // Staff users: admins only.
            Map.entry("GET /api/v1/users", new Expectation(ADMIN, null)),
            Map.entry(
                    "POST /api/v1/users",
                    new Expectation(ADMIN, "{\"email\":\"new@example.com\",\"role\":\"auditor\"}", 201)),
            Map.entry("PUT /api/v1/users/{username}/role", new Expectation(ADMIN, "{\"role\":\"auditor\"}", 200)),
            Map.entry("POST /api/v1/users/{username}/disable", new Expectation(ADMIN, null, 200)),
            Map.entry("POST /api/v1/users/{username}/enable", new Expectation(ADMIN, null, 200)));

    /** The query parameters an endpoint needs to answer 200. */
    private static final Map<String, String> QUERIES = Map.of(
            "GET /api/v1/audit/swipes", "?buildingId=HQ&from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z",
            "GET /api/v1/audit/swipes.csv", "?buildingId=HQ&from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z",
            "GET /api/v1/reception", "?buildingId=HQ");

    /** Made-up names (the ports are mocks), but the user pool and client the test's tokens are issued for. */
    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackNames.placeholders(
                        AdminServiceStack.class, Map.of("UserPoolId", USER_POOL_ID, "UserPoolClientId", CLIENT_ID))
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    @TestBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    CommandDocumentStore documents;

    @MockitoBean
    IdempotencyStore idempotency;

    @MockitoBean
    BackOfficeDirectory directory;

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
    HostedSignIn hostedSignIn;

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    StaffDirectory staff;

    @MockitoBean
    EventArchive archive;

    @MockitoBean
    PresenceLedger presence;

    @MockitoBean
    Affiliates affiliates;

    @MockitoBean
    SwipeHistory swipes;

    @MockitoBean
    AccessFacts accessFacts;

    @MockitoBean
    AlarmBoard alarms;

    @MockitoBean
    WebhookSubscriptions webhooks;

    @MockitoBean
    AlarmTopicSubscriptions topicSubscriptions;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The production validators over the test's public key: issuer, token_use, client_id, expiry. */
    static JwtDecoder jwtDecoder() {
        var decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) TRUSTED.getPublic())
                .build();
        decoder.setJwtValidator(CognitoJwtConfiguration.accessTokenValidator(ISSUER, CLIENT_ID));
        return decoder;
    }

    @BeforeEach
    void readSideHoldsOneOfEverything() {
        when(directory.employee(any())).thenReturn(Optional.of(Examples.employee("emp-1")));
        when(directory.employeeByNumber(any())).thenReturn(Optional.empty());
        when(directory.employees(any(), any())).thenReturn(Page.empty());
        when(directory.card(any())).thenReturn(Optional.of(Examples.card("card-1", "emp-1")));
        when(directory.cards(anyList())).thenReturn(List.of());
        when(directory.cards(any(), any())).thenReturn(Page.empty());
        when(directory.building(any())).thenReturn(Optional.of(Examples.building("HQ")));
        when(directory.buildings(any())).thenReturn(Page.empty());
        when(directory.door(any())).thenReturn(Optional.of(Examples.door("door-1", "HQ")));
        when(directory.doorsOf(any())).thenReturn(List.of());
        when(directory.grantsOf(any())).thenReturn(List.of());
        // A host with access to HQ, for a visitor's registration.
        when(directory.grantsOf("emp-1")).thenReturn(List.of(Examples.grant("emp-1", "HQ")));
        when(directory.grantsFor(any(), any())).thenReturn(Page.empty());
        when(history.ofEmployee(any(), any())).thenReturn(Page.empty());
        when(history.ofSubject(any(), any())).thenReturn(Page.empty());
        when(history.recent(any())).thenReturn(Page.empty());
        when(log.find(any())).thenReturn(Optional.of(Examples.applied("cmd-1", "RegisterEmployee", "emp-1", null)));
        when(importFiles.store(any(), any(), any(), any(), anyBoolean())).thenReturn(true);
        when(importLedger.find(any()))
                .thenReturn(Optional.of(new ImportSummary(
                        IMPORT_ID,
                        "imports/x.csv",
                        ImportStatus.COMPLETED,
                        1,
                        1,
                        0,
                        Examples.AT,
                        Examples.AT,
                        null,
                        "imports/" + IMPORT_ID + "/report.csv",
                        null,
                        null,
                        new PlanCounts(1, 0, 0, 0, 0, 0, 0, false, "0123456789abcdef0123456789abcdef"),
                        "imports/" + IMPORT_ID + "/plan.csv",
                        null,
                        null,
                        false)));
        when(importLedger.recent(any())).thenReturn(Page.empty());
        when(importFiles.report(any()))
                .thenAnswer(call -> Optional.of(new ImportFiles.Download(
                        new ByteArrayInputStream("row,status\n".getBytes(StandardCharsets.UTF_8)), null)));
        when(swipes.find(any(), any())).thenReturn(Page.empty());
        when(auditTrail.verify()).thenReturn(new ChainVerification.Intact(0, 0, "0".repeat(64)));
        when(auditTrail.latest(20)).thenReturn(List.of());
        when(parkedRecords.newest(any())).thenReturn(Page.empty());
        when(alarms.find(any()))
                .thenReturn(Optional.of(new AlarmRecord(
                        new Alarm(
                                "alarm-1",
                                AlarmType.DOOR_FORCED,
                                "door-1",
                                "HQ",
                                "event-1",
                                null,
                                null,
                                null,
                                Examples.AT,
                                Examples.AT),
                        AlarmHandling.OPEN)));
        when(webhooks.rotate(any(), any(), any())).thenReturn(true);
        when(webhooks.remove(any())).thenReturn(true);
        when(topicSubscriptions.subscribe(any(), any()))
                .thenReturn(new TopicSubscription("sub-1", "email", "security@example.com", false));
        when(signIn.withPassword(any(), any()))
                .thenReturn(new SignIn.IssuedTokens(
                        token(TRUSTED, "admin", Duration.ofMinutes(60)), 3600, "refresh-token"));
        when(signIn.hasTotp(any())).thenReturn(true);
        var someone = new StaffUser(
                "someone@example.com",
                "sub-1",
                "someone@example.com",
                StaffRole.OPERATOR,
                "CONFIRMED",
                true,
                Examples.AT);
        when(users.find(any())).thenReturn(Optional.of(someone));
        when(users.list()).thenReturn(List.of(someone));
        when(users.invite(any(), any())).thenReturn(someone);
    }

    @Test
    void hasAnExpectationForEveryEndpointTheApplicationMaps() {
        assertThat(new TreeSet<>(mappedEndpoints())).isEqualTo(new TreeSet<>(MATRIX.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> answersEveryEndpointForEveryKindOfCaller() {
        return MATRIX.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(entry -> {
            var endpoint = entry.getKey();
            var expectation = entry.getValue();
            var success = expectation.success() != 0 ? expectation.success() : endpoint.startsWith("GET ") ? 200 : 202;
            if (expectation.groups() == ANYONE) {
                return Stream.of(
                        check(endpoint, expectation, "no token", null, success),
                        check(
                                endpoint,
                                expectation,
                                "a forged signature",
                                token(FORGER, "admin", Duration.ofMinutes(5)),
                                success),
                        check(
                                endpoint,
                                expectation,
                                "an expired token",
                                token(TRUSTED, "admin", Duration.ofMinutes(-5)),
                                success),
                        check(
                                endpoint,
                                expectation,
                                "auditor",
                                token(TRUSTED, "auditor", Duration.ofMinutes(5)),
                                success));
            }
            return Stream.of(
                    check(endpoint, expectation, "no token", null, 401),
                    check(
                            endpoint,
                            expectation,
                            "a forged signature",
                            token(FORGER, "admin", Duration.ofMinutes(5)),
                            401),
                    check(
                            endpoint,
                            expectation,
                            "an expired token",
                            token(TRUSTED, "admin", Duration.ofMinutes(-5)),
                            401),
                    check(
                            endpoint,
                            expectation,
                            "auditor",
                            token(TRUSTED, "auditor", Duration.ofMinutes(5)),
                            expectation.groups().contains("auditor") ? success : 403),
                    check(
                            endpoint,
                            expectation,
                            "operator",
                            token(TRUSTED, "operator", Duration.ofMinutes(5)),
                            expectation.groups().contains("operator") ? success : 403),
                    check(
                            endpoint,
                            expectation,
                            "admin",
                            token(TRUSTED, "admin", Duration.ofMinutes(5)),
                            expectation.groups().contains("admin") ? success : 403));
        });
    }

    @Test
    void refusesATokenOfAnotherClientOrAnIdToken() throws Exception {
        var otherClient = sign(
                TRUSTED,
                claims("admin", Duration.ofMinutes(5))
                        .claim("client_id", "someone-else")
                        .build());
        var idToken = sign(
                TRUSTED,
                claims("admin", Duration.ofMinutes(5)).claim("token_use", "id").build());
        var otherIssuer = sign(
                TRUSTED,
                claims("admin", Duration.ofMinutes(5))
                        .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other")
                        .build());

        for (var token : List.of(otherClient, idToken, otherIssuer)) {
            assertThat(mvc.perform(get("/api/v1/commands").header("Authorization", "Bearer " + token))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(401);
        }
    }

    @Test
    void servesTheOpenApiDocumentWithoutATokenWithProblemResponses() throws Exception {
        var response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        var body = response.getContentAsString();
        assertThat(body).contains("bearer");
        var document = tools.jackson.databind.json.JsonMapper.shared().readTree(body);
        assertThat(document.at("/components/schemas/Problem/properties/errors").isMissingNode())
                .isFalse();
        var offboard = document.at("/paths/~1api~1v1~1employees~1{employeeId}~1offboard/post/responses");
        assertThat(offboard.has("202")).isTrue();
        assertThat(offboard.at("/202/headers/Location").isMissingNode()).isFalse();
        assertThat(offboard.at("/403/content/application~1problem+json").isMissingNode())
                .isFalse();
        assertThat(document.at("/components/schemas/DoorKeyAccepted/properties/deviceKey")
                        .isMissingNode())
                .isFalse();
        var antiPassback = document.at("/paths/~1api~1v1~1buildings~1{buildingId}~1anti-passback/put");
        assertThat(antiPassback.at("/responses/202/headers/Location").isMissingNode())
                .isFalse();
        assertThat(antiPassback
                        .at("/responses/400/content/application~1problem+json")
                        .isMissingNode())
                .isFalse();
        assertThat(document.at("/components/schemas/AntiPassbackRequest/properties/minutes")
                        .isMissingNode())
                .isFalse();
        // Published for infra-cloudformation's RoutingIntegrationTests, which checks that the load balancer's
        // listener rules send every operation of this document to admin-service.
        var published = Path.of("target", "openapi", "admin-service.json");
        Files.createDirectories(published.getParent());
        Files.writeString(published, body);
    }

    private DynamicTest check(String endpoint, Expectation expectation, String caller, String token, int expected) {
        return DynamicTest.dynamicTest(endpoint + " as " + caller + " -> " + expected, () -> {
            var parts = endpoint.split(" ", 2);
            var path = parts[1].replace("{employeeId}", "emp-1")
                            .replace("{cardId}", "card-1")
                            .replace("{buildingId}", "HQ")
                            .replace("{doorId}", "door-1")
                            .replace("{commandId}", "cmd-1")
                            .replace("{queue}", "commands")
                            .replace("{importId}", IMPORT_ID)
                            .replace("{username}", "someone@example.com")
                            .replace("{alarmId}", "alarm-1")
                            .replace("{id}", "webhook-1")
                            .replace("{provider}", "Corporate")
                    + QUERIES.getOrDefault(endpoint, "");
            var request = request(HttpMethod.valueOf(parts[0]), path);
            if (expectation.body() != null) {
                request.contentType(expectation.mediaType()).content(expectation.body());
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            var response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus())
                    .as(endpoint + " as " + caller + ": " + response.getContentAsString())
                    .isEqualTo(expected);
            if (expected >= 400) {
                assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
        });
    }

    private List<String> mappedEndpoints() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof HandlerMethod handler
                        && handler.getBeanType().getPackageName().startsWith("io.badgeflow")
                        // SCIM has its own chain and client (ScimSecurityTests).
                        && !handler.getBeanType().getPackageName().endsWith(".scim"))
                .flatMap(entry -> entry.getKey().getPatternValues().stream()
                        .flatMap(pattern -> entry.getKey().getMethodsCondition().getMethods().stream()
                                .map(method -> method.name() + " " + pattern)))
                .toList();
    }

    private static String token(KeyPair key, String group, Duration validFor) {
        return sign(key, claims(group, validFor).build());
    }

    private static JWTClaimsSet.Builder claims(String group, Duration validFor) {
        var now = Instant.now();
        var expires = now.plus(validFor);
        var issued = validFor.isNegative() ? expires.minus(Duration.ofHours(1)) : now;
        return new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .claim("token_use", "access")
                .claim("client_id", CLIENT_ID)
                .claim("username", "matrix-" + group)
                .claim("cognito:groups", List.of(group))
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires));
    }

    private static String sign(KeyPair key, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("matrix").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Cognito groups that may call an endpoint, a body valid for it (of {@code mediaType}), and its success
     * status (0: the usual).
     */
    record Expectation(Set<String> groups, String body, int success, String mediaType) {
        Expectation(Set<String> groups, String body) {
            this(groups, body, 0);
        }

        Expectation(Set<String> groups, String body, int success) {
            this(groups, body, success, MediaType.APPLICATION_JSON_VALUE);
        }
    }
}
