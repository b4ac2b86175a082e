package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeStore;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.s3.CommandDocumentKey;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.RestartableEmulator;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS endpoint goes away while the back office submits commands, and comes back: admin-service says so
 * (readiness DOWN, 503 with Retry-After on reads, commands and sign-in), keeps its liveness, recovers by itself
 * once the endpoint answers (no restart), and every command it accepted (202) has its document in the bucket and
 * reaches APPLIED or REJECTED when applied as card-events applies it. On an emulator of its own, stopped and
 * started as an operator would (its state kept).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EmulatorRestartIntegrationTests {

    private static final String STACKS = "keys,topics,artifacts,storage,messaging,stream,identity";
    private static final RestartableEmulator EMULATOR = RestartableEmulator.start(STACKS);
    private static final String PASSWORD = "Itest-" + UUID.randomUUID() + "-Aa1!";
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @LocalServerPort
    int port;

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    AdminServiceStack stack;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = EMULATOR.environment();
        aws.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        aws.stackProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("badgeflow.health.probe-cache", () -> "500ms");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void saysItIsDownWhileTheEndpointIsGoneAndRecoversByItselfWithoutLosingAnAcceptedCommand() throws Exception {
        var user = "itest-admin-" + UUID.randomUUID();
        var token = signUp(EMULATOR.environment(), user);
        await("readiness UP").atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);

        var load = new Load(token);
        var office = Thread.ofPlatform().name("back-office-load").start(load);
        try {
            await("commands accepted before the outage")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> load.accepted.size() >= 5);

            EMULATOR.stop();
            var stopped = Instant.now();
            await("readiness DOWN")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> status("/actuator/health/readiness") == 503);
            var downAfter = Duration.between(stopped, Instant.now());
            var read = get("/api/v1/buildings", token);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            assertThat(read.headers().firstValue("Retry-After")).contains("5");
            assertThat(read.headers().firstValue("Content-Type")).contains("application/problem+json");
            var signIn = post(
                    "/auth/login",
                    null,
                    JsonMapper.shared().writeValueAsString(Map.of("username", user, "password", PASSWORD)));
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);
            assertThat(signIn.headers().firstValue("Retry-After")).isPresent();
            assertThat(status("/actuator/health/liveness"))
                    .as("liveness knows nothing of the dependencies")
                    .isEqualTo(200);
            var rest = OUTAGE.minus(Duration.between(stopped, Instant.now()));
            if (!rest.isNegative()) {
                Thread.sleep(rest); // the outage itself: this is what the test simulates, not a wait for a result
            }

            EMULATOR.startAgain();
            var back = Instant.now();
            await("readiness UP again, by itself")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> status("/actuator/health/readiness") == 200);
            var readyAfter = Duration.between(back, Instant.now());
            await("reads answered again")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> get("/api/v1/buildings", token).statusCode() == 200);
            var servingAfter = Duration.between(back, Instant.now());
            var acceptedBefore = load.accepted.size();
            await("commands accepted again")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> load.accepted.size() > acceptedBefore);
            System.out.printf(
                    "admin-service recovery after an emulator restart: readiness DOWN %d ms after the stop; after"
                            + " the start, serving again in %d ms, readiness UP in %d ms%n",
                    downAfter.toMillis(), servingAfter.toMillis(), readyAfter.toMillis());
            assertThat(load.unavailableWithRetryAfter)
                    .as("commands answered 503 during the outage")
                    .hasPositiveValue();
        } finally {
            load.stop.set(true);
            office.join(Duration.ofSeconds(15));
        }

        assertThat(load.failures)
                .as("answers other than 202 or 503 with Retry-After")
                .isEmpty();
        var applier = applier();
        for (var commandId : Set.copyOf(load.accepted)) {
            var key = CommandDocumentKey.of(commandId);
            var command = MessageJson.readCommand(s3.getObjectAsBytes(
                            r -> r.bucket(stack.commandsBucketName()).key(key))
                    .asByteArray());
            assertThat(applier.apply(command, key).status())
                    .as(commandId)
                    .isIn(CommandStatus.APPLIED, CommandStatus.REJECTED);
        }
    }

    /** As card-events applies a command document (the Lambda is not part of this test's stacks). */
    private CommandApplier applier() {
        var tables = new BackOfficeTables(
                stack.employeesTableName(),
                stack.cardsTableName(),
                stack.buildingsTableName(),
                stack.doorsTableName(),
                stack.grantsTableName(),
                stack.commandsTableName());
        return new CommandApplier(
                new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(1)),
                new DynamoDbCommandLog(enhanced, stack.commandsTableName()),
                Clock.systemUTC(),
                Duration.ofMinutes(1));
    }

    private static String signUp(AwsEnvironment aws, String user) {
        var pool = aws.output("UserPoolId");
        try (var cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build()) {
            cognito.adminCreateUser(r ->
                    r.userPoolId(pool).username(user).messageAction("SUPPRESS").temporaryPassword(PASSWORD));
            cognito.adminSetUserPassword(
                    r -> r.userPoolId(pool).username(user).password(PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(user).groupName("admin"));
            return cognito.initiateAuth(r -> r.clientId(aws.output("UserPoolClientId"))
                            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of(
                                    "USERNAME",
                                    user,
                                    "PASSWORD",
                                    PASSWORD,
                                    "SECRET_HASH",
                                    PoolSecretHash.of(cognito, pool, aws.output("UserPoolClientId"), user))))
                    .authenticationResult()
                    .accessToken();
        }
    }

    private int status(String path) {
        try {
            return get(path, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * An operator registering buildings, about five a second, pausing as Retry-After asks. Records the id of every
     * command answered 202.
     */
    private final class Load implements Runnable {
        final String token;
        final AtomicBoolean stop = new AtomicBoolean();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicInteger unavailableWithRetryAfter = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();

        Load(String token) {
            this.token = token;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                var buildingId = "R-" + UUID.randomUUID().toString().substring(0, 8);
                try {
                    var answer = post(
                            "/api/v1/buildings",
                            token,
                            "{\"buildingId\":\"%s\",\"name\":\"Restart test\",\"timeZone\":\"UTC\"}"
                                    .formatted(buildingId));
                    var retryAfter = answer.headers().firstValue("Retry-After");
                    if (answer.statusCode() == 202) {
                        accepted.add(JsonMapper.shared()
                                .readTree(answer.body())
                                .get("commandId")
                                .asString());
                    } else if (answer.statusCode() == 503 && retryAfter.isPresent()) {
                        unavailableWithRetryAfter.incrementAndGet();
                        Thread.sleep(Long.parseLong(retryAfter.get()) * 1000);
                    } else {
                        failures.add(answer.statusCode() + " " + answer.body());
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }
    }
}
