package io.badgeflow.model.door;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Answers each event id once. The first request of an id claims it and works out the answer; a repeat with the
 * same payload (a reader retrying after a lost answer) gets that same answer, also while it is still being worked
 * out, so concurrent repeats share one answer; a repeat with another payload is refused and reported, never
 * answered with the first one's answer.
 *
 * <p>The claims live in a map the caller bounds (size, age): a repeat after its claim was evicted is worked out
 * again, which the answer's own work must make harmless. A failed answer leaves no claim, so a retry works again.
 *
 * @param <A> the answer
 */
public final class AnsweredEvents<A> {

    /** An event id's first payload and its answer, complete once worked out. */
    public record Claim<A>(SwipeAtDoor payload, CompletableFuture<A> answer) {}

    private final ConcurrentMap<String, Claim<A>> claims;
    private final ReusedEventIds reused;

    public AnsweredEvents(ConcurrentMap<String, Claim<A>> claims, ReusedEventIds reused) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.reused = Objects.requireNonNull(reused, "reused");
    }

    /**
     * @throws EventIdReusedException the id was claimed for another payload; the reuse was reported (a failure
     *     to report is attached as suppressed)
     * @throws RuntimeException whatever {@code work} threw, for this caller and for repeats that waited on it
     */
    public A answer(SwipeAtDoor payload, Supplier<A> work) {
        var mine = new Claim<A>(payload, new CompletableFuture<>());
        var claim = claims.putIfAbsent(payload.eventId(), mine);
        if (claim == null) {
            try {
                var answer = work.get();
                mine.answer().complete(answer);
                return answer;
            } catch (RuntimeException | Error e) {
                claims.remove(payload.eventId(), mine);
                mine.answer().completeExceptionally(e);
                throw e;
            }
        }
        if (!claim.payload().equals(payload)) {
            var refused = new EventIdReusedException(payload.eventId());
            try {
                reused.report(claim.payload(), payload);
            } catch (RuntimeException e) {
                refused.addSuppressed(e);
            }
            throw refused;
        }
        try {
            return claim.answer().join();
        } catch (CompletionException | CancellationException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
