package io.badgeflow.aws.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Webhook secrets encrypted with the stage's KMS key, the subscription id as encryption context: a ciphertext
 * copied onto another subscription's row does not decrypt, and CloudTrail names the subscription of every decrypt.
 * admin-service only encrypts (its role has kms:Encrypt), the delivery function only decrypts.
 */
public final class KmsWebhookSecretCipher implements WebhookSecretCipher {

    static final String CONTEXT_KEY = "badgeflow:webhook-subscription";

    private final KmsClient kms;
    private final String keyId;

    public KmsWebhookSecretCipher(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public byte[] encrypt(String subscriptionId, String secret) {
        return kms.encrypt(r -> r.keyId(keyId)
                        .plaintext(SdkBytes.fromString(secret, StandardCharsets.UTF_8))
                        .encryptionContext(Map.of(CONTEXT_KEY, subscriptionId)))
                .ciphertextBlob()
                .asByteArray();
    }

    @Override
    public String decrypt(String subscriptionId, byte[] ciphertext) {
        return kms.decrypt(r -> r.keyId(keyId)
                        .ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                        .encryptionContext(Map.of(CONTEXT_KEY, subscriptionId)))
                .plaintext()
                .asUtf8String();
    }
}
