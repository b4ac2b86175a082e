package io.badgeflow.model.backoffice;

import java.util.List;
import java.util.Objects;

/**
 * What applying a command would write, decided on the state read for it, and whom it concerns (so the command
 * shows in that employee's history and the card's, building's or door's).
 */
record Decision(List<Change> changes, String employeeId, String subjectId) {

    Decision {
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }

    static Decision of(String employeeId, String subjectId, Change... changes) {
        return new Decision(List.of(changes), employeeId, subjectId);
    }
}
