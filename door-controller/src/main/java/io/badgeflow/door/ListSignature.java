package io.badgeflow.door;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Checks an allow-list's signature: ECDSA P-256 over SHA-256 of the exact bytes received (KMS ECDSA_SHA_256, DER).
 * Only bytes that verify are ever parsed.
 */
final class ListSignature {

    private final PublicKey key;

    ListSignature(PublicKey key) {
        this.key = key;
    }

    boolean verifies(byte[] body, String signatureBase64, String algorithm) {
        if (body == null || signatureBase64 == null || !"ECDSA_SHA_256".equals(algorithm)) {
            return false;
        }
        try {
            var verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed signature is no signature
        }
    }
}
