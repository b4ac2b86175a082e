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

    private LocalAdminService() {
    }

    /** The same properties bin/run passes, from the same stack outputs. */
    static void properties(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        aws.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        var pool = aws.output("UserPoolId");
        registry.add("badgeflow.admin-service.commands-bucket", () -> aws.output("CommandsBucketName"));
        registry.add("badgeflow.admin-service.imports-bucket", () -> aws.output("ImportsBucketName"));
        registry.add("badgeflow.admin-service.reports-bucket", () -> aws.output("ReportsBucketName"));
        registry.add("badgeflow.admin-service.archive-bucket", () -> aws.output("ArchiveBucketName"));
        registry.add("badgeflow.admin-service.tables.commands", () -> aws.output("CommandsTableName"));
        registry.add("badgeflow.admin-service.tables.employees", () -> aws.output("EmployeesTableName"));
        registry.add("badgeflow.admin-service.tables.cards", () -> aws.output("CardsTableName"));
        registry.add("badgeflow.admin-service.tables.buildings", () -> aws.output("BuildingsTableName"));
        registry.add("badgeflow.admin-service.tables.doors", () -> aws.output("DoorsTableName"));
        registry.add("badgeflow.admin-service.tables.grants", () -> aws.output("GrantsTableName"));
        registry.add("badgeflow.admin-service.tables.idempotency", () -> aws.output("IdempotencyTableName"));
        registry.add("badgeflow.admin-service.tables.delivery-failures", () -> aws.output("DeliveryFailuresTableName"));
        registry.add("badgeflow.admin-service.tables.imports", () -> aws.output("ImportsTableName"));
        registry.add("badgeflow.admin-service.tables.admin-audit", () -> aws.output("AdminAuditTableName"));
        registry.add("badgeflow.admin-service.tables.presence", () -> aws.output("PresenceTableName"));
        registry.add("badgeflow.admin-service.tables.swipes", () -> aws.output("SwipesTableName"));
        registry.add("badgeflow.admin-service.tables.parked-records", () -> aws.output("ParkedRecordsTableName"));
        registry.add("badgeflow.admin-service.cognito.user-pool-id", () -> pool);
        registry.add("badgeflow.admin-service.cognito.client-id", () -> aws.output("UserPoolClientId"));
        registry.add("badgeflow.admin-service.cognito.issuer", () -> "https://cognito-idp.us-east-1.amazonaws.com/" + pool);
        registry.add("badgeflow.admin-service.cognito.jwk-set-uri", () -> aws.endpoint() + "/" + pool + "/.well-known/jwks.json");
    }

    /** The {@code sub} claim of an access token: the user id the API records as the actor. */
    static String subjectOf(String accessToken) {
        var payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8);
        return JsonMapper.shared().readTree(payload).get("sub").asString();
    }

    /** A new user in {@code group} of the emulator's pool, signed in: their Cognito access token. */
    static String accessToken(String group) {
        var aws = LocalAws.environment();
        var pool = aws.output("UserPoolId");
        var user = "itest-" + group + "-" + UUID.randomUUID();
        try (var cognito = CognitoIdentityProviderClient.builder().endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION).credentialsProvider(AwsEnvironment.CREDENTIALS).build()) {
            // A temporary password of our own: the emulator generates one shorter than the pool's policy allows.
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(user).messageAction("SUPPRESS").temporaryPassword(PASSWORD));
            cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(user).password(PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(user).groupName(group));
            return cognito.initiateAuth(r -> r.clientId(aws.output("UserPoolClientId"))
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD)))
                    .authenticationResult().accessToken();
        }
    }
}
