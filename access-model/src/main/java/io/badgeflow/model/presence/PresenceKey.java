package io.badgeflow.model.presence;

import java.util.Objects;

/** Whose presence in which building: the key of one presence. */
public record PresenceKey(String employeeId, String buildingId) {

    public PresenceKey {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(buildingId, "buildingId");
    }
}
