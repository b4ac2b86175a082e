package io.badgeflow.admin;

import io.badgeflow.aws.testing.AwsEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** Real Cognito access tokens from the stack's user pool, one new user per call, for the integration tests. */
final class StaffTokens {

    private static final String PASSWORD = "Itest-" + UUID.randomUUID() + "-Aa1!";

    private StaffTokens() {
    }

    /** An access token of a new user in {@code group} (admin, operator, auditor). */
    static String tokenFor(AwsEnvironment aws, String group) {
        try (var cognito = CognitoIdentityProviderClient.builder().endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION).credentialsProvider(AwsEnvironment.CREDENTIALS).build()) {
            var pool = aws.output("UserPoolId");
            var user = "itest-" + group + "-" + UUID.randomUUID();
            // A temporary password of our own: the emulator generates one shorter than the pool's policy allows.
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(user).messageAction("SUPPRESS")
                    .temporaryPassword(PASSWORD));
            cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(user).password(PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(user).groupName(group));
            return cognito.initiateAuth(r -> r.clientId(aws.output("UserPoolClientId"))
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD)))
                    .authenticationResult().accessToken();
        }
    }

    /** The properties that point admin-service at the environment's stores and user pool. */
    static Map<String, String> adminServiceProperties(AwsEnvironment aws) {
        var pool = aws.output("UserPoolId");
        var properties = new LinkedHashMap<String, String>(aws.springProperties());
        properties.put("badgeflow.admin-service.commands-bucket", aws.output("CommandsBucketName"));
        properties.put("badgeflow.admin-service.tables.commands", aws.output("CommandsTableName"));
        properties.put("badgeflow.admin-service.tables.employees", aws.output("EmployeesTableName"));
        properties.put("badgeflow.admin-service.tables.delivery-failures", aws.output("DeliveryFailuresTableName"));
        properties.put("badgeflow.admin-service.cognito.user-pool-id", pool);
        properties.put("badgeflow.admin-service.cognito.client-id", aws.output("UserPoolClientId"));
        properties.put("badgeflow.admin-service.cognito.issuer", "https://cognito-idp.us-east-1.amazonaws.com/" + pool);
        properties.put("badgeflow.admin-service.cognito.jwk-set-uri", aws.endpoint() + "/" + pool + "/.well-known/jwks.json");
        return properties;
    }
}
