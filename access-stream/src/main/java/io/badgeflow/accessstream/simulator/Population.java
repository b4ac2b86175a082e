package io.badgeflow.accessstream.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.random.RandomGenerator;

/**
 * The simulated cardholders and where the simulator believes each is: outside, inside, or busy (a passage of
 * theirs is on its way and not answered yet). A person is claimed before a passage and settled by its answer,
 * so concurrent senders never interleave one person's passages.
 */
final class Population {

    private static final int OUTSIDE = 0;
    private static final int INSIDE = 1;
    private static final int BUSY = 2;
    /** How many random probes before a linear scan looks for someone in the wanted state. */
    private static final int PROBES = 16;

    private final List<String> cardNumbers;
    private final List<String> revokedCards;
    private final AtomicIntegerArray state;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger entered = new AtomicInteger();
    private final boolean[] everEntered;

    Population(List<String> cardNumbers, List<String> revokedCards) {
        this.cardNumbers = List.copyOf(cardNumbers);
        this.revokedCards = List.copyOf(revokedCards);
        this.state = new AtomicIntegerArray(cardNumbers.size());
        this.everEntered = new boolean[cardNumbers.size()];
    }

    int size() {
        return cardNumbers.size();
    }

    String cardNumber(int person) {
        return cardNumbers.get(person);
    }

    int insideCount() {
        return inside.get();
    }

    boolean everyoneEntered() {
        return entered.get() >= size();
    }

    boolean evacuated() {
        return everyoneEntered() && inside.get() == 0 && busyCount() == 0;
    }

    Optional<String> revokedCard(RandomGenerator random) {
        return revokedCards.isEmpty()
                ? Optional.empty()
                : Optional.of(revokedCards.get(random.nextInt(revokedCards.size())));
    }

    Optional<Integer> claimOutside(RandomGenerator random) {
        return claim(OUTSIDE, random);
    }

    Optional<Integer> claimInside(RandomGenerator random) {
        return claim(INSIDE, random);
    }

    /** The passage of {@code person} was answered: inside when {@code nowInside}, else outside. */
    synchronized void settle(int person, boolean nowInside) {
        if (nowInside && !everEntered[person]) {
            everEntered[person] = true;
            entered.incrementAndGet();
        }
        if (nowInside) {
            inside.incrementAndGet();
        }
        state.set(person, nowInside ? INSIDE : OUTSIDE);
    }

    private Optional<Integer> claim(int wanted, RandomGenerator random) {
        var n = size();
        if (n == 0) {
            return Optional.empty();
        }
        for (var probe = 0; probe < PROBES; probe++) {
            var person = random.nextInt(n);
            if (take(person, wanted)) {
                return Optional.of(person);
            }
        }
        var start = random.nextInt(n);
        for (var i = 0; i < n; i++) {
            var person = (start + i) % n;
            if (take(person, wanted)) {
                return Optional.of(person);
            }
        }
        return Optional.empty();
    }

    private boolean take(int person, int wanted) {
        if (!state.compareAndSet(person, wanted, BUSY)) {
            return false;
        }
        if (wanted == INSIDE) {
            inside.decrementAndGet();
        }
        return true;
    }

    private int busyCount() {
        var busy = 0;
        for (var i = 0; i < size(); i++) {
            busy += state.get(i) == BUSY ? 1 : 0;
        }
        return busy;
    }
}
