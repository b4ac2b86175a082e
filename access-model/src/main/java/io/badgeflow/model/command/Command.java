package io.badgeflow.model.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A back-office instruction, written once as a JSON document and applied at least once by card-events.
 * Every command carries its own id, the acting user's subject and when it was issued, so applying it again
 * is recognisable and harmless.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = RegisterEmployee.class, name = "RegisterEmployee")})
public sealed interface Command permits RegisterEmployee {

    String commandId();

    String actor();

    Instant occurredAt();

    /** The name written as {@code type} in the document. */
    default String type() {
        return getClass().getSimpleName();
    }
}
