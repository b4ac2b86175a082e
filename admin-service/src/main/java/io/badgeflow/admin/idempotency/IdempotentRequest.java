package io.badgeflow.admin.idempotency;

import java.util.Objects;

/**
 * One claimed {@code Idempotency-Key}: the command it created and the answer a retry is given.
 *
 * @param id the caller and the key together: one caller's key never collides with another caller's
 * @param fingerprint method, path and a hash of the body, to tell a retry from a different request reusing the key
 * @param answer the 202 body as JSON, without anything that must be shown only once (a device key)
 */
public record IdempotentRequest(String id, String fingerprint, String commandId, String answer) {

    public IdempotentRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(answer, "answer");
    }
}
