package io.badgeflow.accessstream.aws;

import io.badgeflow.accessstream.offline.AllowListSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs allow-lists with the stage's KMS asymmetric key (ECC_NIST_P256, ECDSA_SHA_256). KMS takes at most 4 KB
 * of message, and a list is larger: so the SHA-256 digest is computed here and sent as a DIGEST, which gives the
 * same signature KMS would make over the whole message (a verifier runs {@code SHA256withECDSA} over the bytes).
 * The public key is read once.
 */
final class KmsAllowListSigner implements AllowListSigner {

    private final KmsClient kms;
    private final String keyArn;
    private volatile PublicKey publicKey;

    KmsAllowListSigner(KmsClient kms, String keyArn) {
        this.kms = kms;
        this.keyArn = keyArn;
    }

    @Override
    public Signature sign(byte[] document) {
        var signed = kms.sign(request -> request.keyId(keyArn)
                .messageType(MessageType.DIGEST)
                .message(SdkBytes.fromByteArray(sha256(document)))
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        return new Signature(signed.keyId(), signed.signature().asByteArray());
    }

    @Override
    public PublicKey publicKey() {
        var known = publicKey;
        if (known == null) {
            var answer = kms.getPublicKey(request -> request.keyId(keyArn));
            known = new PublicKey(answer.keyId(), answer.publicKey().asByteArray());
            publicKey = known;
        }
        return known;
    }

    private static byte[] sha256(byte[] document) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(document);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
