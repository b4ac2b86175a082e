package io.badgeflow.model.door;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What doors report, as it travels on the Kinesis stream: ids only, never names. The partition key keeps one
 * person's passages in order ({@code employee:<id>}, or {@code card:<number>} while no employee is known) and
 * one door's state changes in order ({@code door:<id>}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SwipeRecorded.class, name = "SwipeRecorded"),
    @JsonSubTypes.Type(value = EntryDecided.class, name = "EntryDecided"),
    @JsonSubTypes.Type(value = ExitRecorded.class, name = "ExitRecorded"),
    @JsonSubTypes.Type(value = DoorStateChanged.class, name = "DoorStateChanged")
})
public sealed interface DoorEvent permits SwipeRecorded, EntryDecided, ExitRecorded, DoorStateChanged {

    String eventId();

    String doorId();

    Instant occurredAt();

    String partitionKey();

    /** The per-person key: the employee when known, else the card number as the reader saw it. */
    static String personKey(String employeeId, String cardNumber) {
        return employeeId != null ? "employee:" + employeeId : "card:" + cardNumber;
    }
}
