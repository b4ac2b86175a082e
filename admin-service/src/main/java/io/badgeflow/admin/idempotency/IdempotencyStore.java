package io.badgeflow.admin.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: which command a caller's {@code Idempotency-Key} already created. The first claim of a key wins, so two
 * attempts of one request racing each other still make one command.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code request.id()} until {@code expiresAt}, unless an unexpired claim already holds it.
     *
     * @return empty when this claim won; otherwise the claim that holds the key
     */
    Optional<IdempotentRequest> claim(IdempotentRequest request, Instant expiresAt);

    /**
     * Gives a won claim up when its command could not be stored, so that the caller's retry creates the command
     * instead of being pointed at one that does not exist. Does nothing when another claim holds the key.
     */
    void release(IdempotentRequest request);
}
