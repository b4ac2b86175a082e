package io.badgeflow.admin.idempotency;

/**
 * Port: where refused reuses of an {@code Idempotency-Key} are kept for operators, and who is alerted. A reused key
 * is a client bug at best and a replay at worst: either way someone should look.
 */
public interface IdempotencyRefusals {

    /** Stores the refusal (the idempotency table, under its own key). */
    void record(IdempotencyRefusal refusal);

    /** Raises the alarm (the stack's alarms topic). */
    void alarm(IdempotencyRefusal refusal);
}
