package io.badgeflow.accessstream.simulator;

import io.badgeflow.accessstream.simulator.PlannedSwipe.Kind;
import io.badgeflow.model.door.Direction;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides what happens next under a profile, from where the simulator believes each person is. Pure (given its
 * random source), so profiles are tested without a door API. A person whose last passage has not been answered
 * yet is not chosen again, which keeps one person's passages in order.
 */
final class SwipePlan {

    /** How often MISUSE does something irregular, in percent of its actions. */
    static final int MISUSE_PERCENT = 30;

    private final Profile profile;
    private final Population people;
    private final int doors;
    private final RandomGenerator random;

    SwipePlan(Profile profile, Population people, int doors, RandomGenerator random) {
        this.profile = profile;
        this.people = people;
        this.doors = doors;
        this.random = random;
    }

    /** The next action, or empty when nobody is free to act (or, in an evacuation, everyone is out). */
    Optional<PlannedSwipe> next() {
        return switch (profile) {
            case NORMAL_DAY -> regular(random.nextInt(100) < 50 ? Direction.IN : Direction.OUT);
            case MORNING_RUSH -> people.insideCount() < people.size() ? regular(Direction.IN) : regular(Direction.OUT);
            case EVACUATION -> evacuation();
            case MISUSE -> misuse();
        };
    }

    /** Whether the profile has played out (only an evacuation ends by itself). */
    boolean finished() {
        return profile == Profile.EVACUATION && people.evacuated();
    }

    private Optional<PlannedSwipe> evacuation() {
        if (!people.everyoneEntered()) {
            return people.claimOutside(random).map(p -> swipe(Kind.REGULAR, p, Direction.IN));
        }
        return people.claimInside(random).map(p -> swipe(Kind.REGULAR, p, Direction.OUT));
    }

    private Optional<PlannedSwipe> misuse() {
        if (random.nextInt(100) >= MISUSE_PERCENT) {
            return regular(random.nextBoolean() ? Direction.IN : Direction.OUT);
        }
        var door = random.nextInt(doors);
        Optional<PlannedSwipe> irregular = switch (random.nextInt(4)) {
            case 0 ->
                Optional.of(new PlannedSwipe(
                        Kind.UNKNOWN_CARD, -1, door, "UNKNOWN-" + Long.toHexString(random.nextLong()), Direction.IN));
            case 1 ->
                people.revokedCard(random)
                        .map(card -> new PlannedSwipe(Kind.REVOKED_CARD, -1, door, card, Direction.IN));
            case 2 -> people.claimInside(random).map(p -> swipe(Kind.TAILGATE, p, Direction.IN));
            default -> Optional.of(new PlannedSwipe(Kind.FORCED_DOOR, -1, door, null, null));
        };
        // No revoked card, or nobody inside to tailgate: a regular passage instead.
        return irregular.or(() -> regular(Direction.IN));
    }

    /** A regular passage in {@code preferred} direction, or the other one if no one can go that way now. */
    private Optional<PlannedSwipe> regular(Direction preferred) {
        var first = preferred == Direction.IN ? people.claimOutside(random) : people.claimInside(random);
        if (first.isPresent()) {
            return first.map(p -> swipe(Kind.REGULAR, p, preferred));
        }
        var other = preferred == Direction.IN ? Direction.OUT : Direction.IN;
        var second = other == Direction.IN ? people.claimOutside(random) : people.claimInside(random);
        return second.map(p -> swipe(Kind.REGULAR, p, other));
    }

    private PlannedSwipe swipe(Kind kind, int person, Direction direction) {
        return new PlannedSwipe(kind, person, random.nextInt(doors), people.cardNumber(person), direction);
    }
}
