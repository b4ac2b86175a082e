package io.badgeflow.model.alarm;

import java.util.Objects;

/** A raised alarm together with what operators did about it: a row of the alarms page. */
public record AlarmRecord(Alarm alarm, AlarmHandling handling) {

    public AlarmRecord {
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(handling, "handling");
    }
}
