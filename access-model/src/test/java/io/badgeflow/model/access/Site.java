package io.badgeflow.model.access;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Cards;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Doors;
import io.badgeflow.model.employee.Employees;
import io.badgeflow.model.grant.Grants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The usual test site: building HQ (London) with a two-way door, and emp-1 holding active card 0042 with an
 * unlimited grant to HQ. Tests replace what they need to differ.
 */
final class Site {

    /** A Tuesday, 09:00 in London (GMT in November). */
    static final Instant TUESDAY_9 = Instant.parse("2026-11-24T09:00:00Z");

    static final Instant DECIDED_AT = Instant.parse("2026-11-24T09:00:00.012Z");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Building HQ = new Building("HQ", "Head office", LONDON, 1);
    static final Building DC = new Building("DC", "Data centre", ZoneId.of("Europe/Amsterdam"), 1);

    private Site() {}

    static InMemoryAccessFacts standard() {
        return new InMemoryAccessFacts()
                .with(HQ)
                .with(DC)
                .with(Doors.twoWay("door-1", "HQ"))
                .with(Doors.twoWay("door-2", "HQ"))
                .with(Doors.twoWay("dc-door", "DC"))
                .with(Cards.active().build())
                .with(Employees.active().holding("card-1").build())
                .with(Grants.to("emp-1", "HQ").build());
    }

    static EntryPolicy policy(AccessFacts facts) {
        return new EntryPolicy(facts, Clock.fixed(DECIDED_AT, ZoneOffset.UTC));
    }

    static EntryRequest in(String doorId, String cardNumber, Instant at) {
        return new EntryRequest(UUID.randomUUID().toString(), doorId, cardNumber, Direction.IN, at);
    }

    static EntryRequest out(String doorId, String cardNumber, Instant at) {
        return new EntryRequest(UUID.randomUUID().toString(), doorId, cardNumber, Direction.OUT, at);
    }

    /** Card 0042 entering through door-1 at {@code at}. */
    static EntryRequest in(Instant at) {
        return in("door-1", "0042", at);
    }
}
