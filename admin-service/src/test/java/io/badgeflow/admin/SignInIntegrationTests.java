package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.audit.AuditEntry;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff sign-in against the emulator's user pool, as a new admin lives it: invited through the Users API (the pool
 * emails the temporary password: read here from the emulator's mailbox), first sign-in with it, a password of
 * their own, the authenticator set-up this service insists on for admins (codes computed from the secret, RFC
 * 6238), then a sign-in with password and code; disabled, the same sign-in is refused, re-enabled it works again,
 * and each change is in the admin audit chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInIntegrationTests {

    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password(?::| is) (\\S+)");
    private static final String PASSWORD = "Own-" + UUID.randomUUID() + "-Aa1!";

    private static String adminToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
        // Plain http here, as locally; the rule itself is on by default and nobody is exempt.
        registry.add("badgeflow.admin-service.session.secure-cookie", () -> "false");
    }

    @BeforeAll
    static void anAdmin() {
        adminToken = LocalAdminService.accessToken("admin");
    }

    @LocalServerPort
    int port;

    @Test
    void anInvitedAdminSetsAPasswordEnrolsAnAuthenticatorSignsInWithACodeAndIsShutOutWhileDisabled() throws Exception {
        var email = "itest-" + UUID.randomUUID() + "@example.com";
        var invited = api("POST", "/api/v1/users", "{\"email\":\"" + email + "\",\"role\":\"admin\"}", 201);
        assertThat(invited.get("status").asString()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(invited.propertyNames())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("password"));
        var userId = invited.get("userId").asString();
        var temporary = temporaryPasswordMailedTo(email);
        assertThat(invited.toString()).doesNotContain(temporary);

        var browser = browser();
        var first = auth(browser, "/auth/login", login(email, temporary), 200);
        assertThat(first.get("challenge").asString()).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(first.has("accessToken")).isFalse();
        var weak =
                auth(browser, "/auth/new-password", "{\"username\":\"" + email + "\",\"newPassword\":\"short\"}", 400);
        assertThat(weak.get("errors").has("newPassword")).isTrue();

        var setup = auth(
                browser,
                "/auth/new-password",
                "{\"username\":\"" + email + "\",\"newPassword\":\"" + PASSWORD + "\"}",
                200);
        assertThat(setup.get("challenge").asString()).isEqualTo("MFA_SETUP");
        assertThat(setup.has("accessToken")).isFalse();
        var secret = setup.get("secretCode").asString();
        assertThat(setup.get("otpauthUri").asString())
                .startsWith("otpauth://totp/Badgeflow")
                .contains(secret);
        var wrong = auth(browser, "/auth/mfa-setup", code(email, wrongCode(secret)), 400);
        assertThat(wrong.get("errors").has("code")).isTrue();

        var signedIn = auth(browser, "/auth/mfa-setup", code(email, Totp.code(secret, Instant.now())), 200);
        assertThat(signedIn.get("accessToken").asString()).isNotBlank();
        assertThat(signedIn.get("groups").toString()).contains("admin");
        // The session lasts by refresh alone: the enrolment is done.
        assertThat(auth(browser, "/auth/refresh", "{}", 200).has("accessToken")).isTrue();

        var again = browser();
        var challenge = auth(again, "/auth/login", login(email, PASSWORD), 200);
        assertThat(challenge.get("challenge").asString()).isEqualTo("SOFTWARE_TOKEN_MFA");
        auth(again, "/auth/mfa", code(email, wrongCode(secret)), 400);
        var withCode = auth(again, "/auth/mfa", code(email, Totp.code(secret, Instant.now())), 200);
        assertThat(withCode.get("accessToken").asString()).isNotBlank();

        // The emulator revokes tokens issued before a global sign-out to the whole second (iat < signed-out-at):
        // let the clock pass one, so the sign-out comes after the refresh token's second, as it would on AWS.
        Thread.sleep(1_100);
        api("POST", "/api/v1/users/" + email + "/disable", null, 200);
        auth(browser(), "/auth/login", login(email, PASSWORD), 401);
        // Its sessions ended with it: the refresh cookie of the sign-in above is refused.
        auth(again, "/auth/refresh", "{}", 401);

        var enabled = api("POST", "/api/v1/users/" + email + "/enable", null, 200);
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(auth(browser(), "/auth/login", login(email, PASSWORD), 200)
                        .get("challenge")
                        .asString())
                .isEqualTo("SOFTWARE_TOKEN_MFA");

        var aws = LocalAws.environment();
        var trail = new DynamoDbAdminAuditTrail(
                AwsClients.dynamoDb(aws), aws.output("AdminAuditTableName"), Clock.systemUTC());
        assertThat(trail.latest(100).stream()
                        .flatMap(block -> block.entries().stream())
                        .filter(entry -> userId.equals(entry.subjectId()))
                        .map(AuditEntry::commandType))
                .containsExactlyInAnyOrder("InviteUser:admin", "DisableUser", "EnableUser");
    }

    @Test
    void answersAStepWithoutItsSessionAndABadCodeWithProblems() throws Exception {
        var noSession = auth(browser(), "/auth/mfa", code("someone", "123456"), 401);
        assertThat(noSession.get("detail").asString()).contains("expired");
        var notACode = auth(browser(), "/auth/mfa", code("someone", "12345x"), 400);
        assertThat(notACode.get("errors").has("code")).isTrue();
    }

    private static String wrongCode(String secret) {
        var right = Totp.code(secret, Instant.now());
        return right.equals("000000") ? "111111" : "000000";
    }

    private static String login(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private static String code(String username, String code) {
        return "{\"username\":\"" + username + "\",\"code\":\"" + code + "\"}";
    }

    /** The invitation the pool sent (the emulator keeps every message it "sends"). */
    private static String temporaryPasswordMailedTo(String email) throws Exception {
        var aws = LocalAws.environment();
        var mailbox = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(aws.endpoint().resolve("/_ministack/ses/messages"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        for (var account : JsonMapper.shared().readTree(mailbox.body()).get("messages")) {
            for (var message : account) {
                if (message.get("To").toString().contains(email)) {
                    var matcher =
                            TEMPORARY_PASSWORD.matcher(message.get("BodyText").asString());
                    assertThat(matcher.find())
                            .as("a temporary password in %s", message)
                            .isTrue();
                    return matcher.group(1).replaceAll("\\.$", "");
                }
            }
        }
        throw new AssertionError("no invitation to " + email + " in " + mailbox.body());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
    }

    private JsonNode auth(HttpClient browser, String path, String body, int expected) throws Exception {
        var response = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        return JsonMapper.shared().readTree(response.body());
    }

    private JsonNode api(String method, String path, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return JsonMapper.shared().readTree(response.body());
    }
}
