package io.badgeflow.model.door;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What doors report, as it travels on the Kinesis stream: ids only, never names. The partition key keeps
 * one person's (here: one card's) records in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SwipeRecorded.class, name = "SwipeRecorded")})
public sealed interface DoorEvent permits SwipeRecorded {

    String eventId();

    String doorId();

    Instant occurredAt();

    String partitionKey();
}
