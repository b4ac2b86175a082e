package io.badgeflow.admin;

import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import tools.jackson.databind.json.JsonMapper;

/** What the emulator integration tests share: admin-service's properties from the stack outputs, and real users. */
final class LocalAdminService {

    private static final String PASSWORD = "Itest-" + UUID.randomUUID() + "-Aa1!";

    private LocalAdminService() {}

    /** What bin/run gives admin-service: the emulator and every stack output, of which it binds its names. */
    static void properties(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        aws.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        aws.stackProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The {@code sub} claim of an access token: the user id the API records as the actor. */
    static String subjectOf(String accessToken) {
        var payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.shared().readTree(payload).get("sub").asString();
    }

    /**
     * An access token of the SCIM app client, from the emulator's {@code /oauth2/token} with the client-credentials
     * grant and the SCIM scope, as an identity provider gets one (the secret read as an operator reads it).
     */
    static String scimAccessToken() {
        var aws = LocalAws.environment();
        var pool = aws.output("UserPoolId");
        var clientId = aws.output("ScimClientId");
        try (var cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build()) {
            var secret = cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(clientId))
                    .userPoolClient()
                    .clientSecret();
            var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            var request = java.net.http.HttpRequest.newBuilder(aws.endpoint().resolve("/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                            + java.net.URLEncoder.encode(aws.output("ScimScope"), StandardCharsets.UTF_8)))
                    .build();
            try (var http = java.net.http.HttpClient.newHttpClient()) {
                var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "token endpoint answered " + response.statusCode() + ": " + response.body());
                }
                return JsonMapper.shared()
                        .readTree(response.body())
                        .get("access_token")
                        .asString();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new user in {@code group} of the emulator's pool, signed in: their Cognito access token. */
    static String accessToken(String group) {
        var aws = LocalAws.environment();
        var pool = aws.output("UserPoolId");
        var user = "itest-" + group + "-" + UUID.randomUUID();
        try (var cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build()) {
            // A temporary password of our own: the emulator generates one shorter than the pool's policy allows.
            cognito.adminCreateUser(r ->
                    r.userPoolId(pool).username(user).messageAction("SUPPRESS").temporaryPassword(PASSWORD));
            cognito.adminSetUserPassword(
                    r -> r.userPoolId(pool).username(user).password(PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(user).groupName(group));
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
}
