package io.badgeflow.model.backoffice;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import java.util.Objects;

/**
 * One write of a command's effect. A {@code Save} stores the next version of a record on condition that the
 * stored one is the version before it (absent for version 1), so a decision taken on state that moved since it
 * was read is refused as a whole rather than half applied.
 */
public sealed interface Change {

    record SaveEmployee(Employee employee) implements Change {
        public SaveEmployee {
            Objects.requireNonNull(employee, "employee");
        }
    }

    record SaveCard(Card card) implements Change {
        public SaveCard {
            Objects.requireNonNull(card, "card");
        }
    }

    record SaveBuilding(Building building) implements Change {
        public SaveBuilding {
            Objects.requireNonNull(building, "building");
        }
    }

    record SaveDoor(Door door) implements Change {
        public SaveDoor {
            Objects.requireNonNull(door, "door");
        }
    }

    record SaveGrant(AccessGrant grant) implements Change {
        public SaveGrant {
            Objects.requireNonNull(grant, "grant");
        }
    }

    /** Removes the grant on condition that it is still the version read. */
    record DeleteGrant(AccessGrant grant) implements Change {
        public DeleteGrant {
            Objects.requireNonNull(grant, "grant");
        }
    }

    /** Claims {@code value} for {@code ownerId}; succeeds when it is free or already this owner's. */
    record Claim(UniqueKind kind, String value, String ownerId) implements Change {
        public Claim {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(ownerId, "ownerId");
        }
    }

    /** Frees {@code value} if {@code ownerId} still holds it. */
    record Release(UniqueKind kind, String value, String ownerId) implements Change {
        public Release {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(ownerId, "ownerId");
        }
    }
}
