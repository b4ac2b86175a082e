package io.badgeflow.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Test tooling only: the SECRET_HASH of the pool's confidential app client for a user, from the secret read with
 * DescribeUserPoolClient (as admin-service reads it), for tests that need a token straight from the pool.
 */
final class PoolSecretHash {

    private PoolSecretHash() {}

    static String of(CognitoIdentityProviderClient cognito, String pool, String clientId, String username) {
        var secret = cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(clientId))
                .userPoolClient()
                .clientSecret();
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
