package io.badgeflow.model.archive;

import java.time.Instant;
import java.util.Objects;

/** Someone inside a building at a past moment, rebuilt from the archive: ids only. */
public record PersonInside(String employeeId, String lastDoorId, Instant since) {

    public PersonInside {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(lastDoorId, "lastDoorId");
        Objects.requireNonNull(since, "since");
    }
}
