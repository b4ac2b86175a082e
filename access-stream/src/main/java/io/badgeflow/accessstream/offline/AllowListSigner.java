package io.badgeflow.accessstream.offline;

/**
 * Port: signs the exact bytes of an allow-list document with the stage's allow-list key (a KMS asymmetric key,
 * ECC_NIST_P256 with ECDSA_SHA_256), which never leaves the key service; and hands out its public key, with which a
 * door verifies a list without any AWS credentials.
 */
public interface AllowListSigner {

    /** The algorithm's name as KMS spells it, and as the response header carries it. */
    String ALGORITHM = "ECDSA_SHA_256";

    Signature sign(byte[] document);

    PublicKey publicKey();

    /**
     * @param keyId the signing key's ARN
     * @param der the ECDSA signature, ASN.1 DER (as KMS returns it and {@code SHA256withECDSA} verifies it)
     */
    record Signature(String keyId, byte[] der) {}

    /** @param spkiDer the public key as X.509 SubjectPublicKeyInfo, DER (JDK {@code X509EncodedKeySpec}) */
    record PublicKey(String keyId, byte[] spkiDer) {}
}
