package io.badgeflow.admin.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SECRET_HASH a confidential Cognito app client sends with a username: Base64(HMAC-SHA256(client secret,
 * username + client id)). Holds the secret; its {@code toString} never shows it.
 */
final class ClientSecretHash {

    private final String clientId;
    private final String clientSecret;

    ClientSecretHash(String clientId, String clientSecret) {
        if (clientSecret == null || clientSecret.isBlank()) {
            // A public client would let anyone sign in past this service's rules: refuse to start with one.
            throw new IllegalStateException("The user pool's app client " + clientId
                    + " has no secret; the identity stack must declare it GenerateSecret: true");
        }
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    String of(String username) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    /** For the calls that send the secret itself (RevokeToken, the token endpoint). */
    String clientSecret() {
        return clientSecret;
    }

    @Override
    public String toString() {
        return "ClientSecretHash[" + clientId + "]";
    }
}
