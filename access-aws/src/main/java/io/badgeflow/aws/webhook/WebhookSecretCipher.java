package io.badgeflow.aws.webhook;

/** Encrypts a webhook secret for storage and decrypts it for a delivery, bound to its subscription. */
public interface WebhookSecretCipher {

    byte[] encrypt(String subscriptionId, String secret);

    String decrypt(String subscriptionId, byte[] ciphertext);
}
