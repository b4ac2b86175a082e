package io.badgeflow.admin.alarm;

import io.badgeflow.model.alarm.AlarmRecord;
import java.time.Instant;

/** One alarm as the API shows it: what was raised (ids only) and what operators did about it. */
record AlarmView(
        String alarmId,
        String type,
        String doorId,
        String buildingId,
        String eventId,
        String cardNumber,
        String cardId,
        String employeeId,
        Instant occurredAt,
        Instant raisedAt,
        String status,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgeNote,
        String resolvedBy,
        Instant resolvedAt,
        String resolveNote) {

    static AlarmView of(AlarmRecord record) {
        var alarm = record.alarm();
        var handling = record.handling();
        return new AlarmView(
                alarm.alarmId(),
                alarm.type().name(),
                alarm.doorId(),
                alarm.buildingId(),
                alarm.eventId(),
                alarm.cardNumber(),
                alarm.cardId(),
                alarm.employeeId(),
                alarm.occurredAt(),
                alarm.raisedAt(),
                handling.status().name(),
                handling.acknowledgedBy(),
                handling.acknowledgedAt(),
                handling.acknowledgeNote(),
                handling.resolvedBy(),
                handling.resolvedAt(),
                handling.resolveNote());
    }
}
