package io.badgeflow.aws.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.SwipeRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageJsonTests {

    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void writesACommandWithItsTypeAndReadsItBack() {
        var command =
                new RegisterEmployee("cmd-1", "hr", AT, "emp-1", "E-1", "Ada", "Lovelace", "ada@example.com", null);

        var json = new String(MessageJson.write(command), StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"RegisterEmployee\"").contains("\"occurredAt\":\"2026-11-24T08:00:00Z\"");
        assertThat(MessageJson.readCommand(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(command);
    }

    @Test
    void roundTripsADoorEvent() {
        var swipe = new SwipeRecorded("evt-1", "door-1", "bldg-1", "card-1", Direction.OUT, AT, AT);

        assertThat(MessageJson.readDoorEvent(MessageJson.write(swipe))).isEqualTo(swipe);
    }

    @Test
    void callsTextThatIsNotJsonMalformed() {
        assertThatThrownBy(() -> MessageJson.readCommand("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class)
                .extracting(e -> ((UnreadableMessageException) e).kind())
                .isEqualTo(UnreadableMessageException.Kind.MALFORMED);
    }

    @Test
    void namesAnUnknownCommandType() {
        assertThatThrownBy(
                        () -> MessageJson.readCommand("{\"type\":\"FireEveryone\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("FireEveryone")
                .extracting(e -> ((UnreadableMessageException) e).kind())
                .isEqualTo(UnreadableMessageException.Kind.UNKNOWN_TYPE);
    }

    @Test
    void namesTheFieldThatBreaksAnInvariant() {
        var json = """
                {"type":"RegisterEmployee","commandId":"cmd-1","actor":"hr","occurredAt":"2026-11-24T08:00:00Z",
                 "employeeId":"emp-1","employeeNumber":"E-1","givenName":"Ada","familyName":"L","email":"nope"}
                """;

        assertThatThrownBy(() -> MessageJson.readCommand(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessage("email must be an email address")
                .extracting(e -> ((UnreadableMessageException) e).kind())
                .isEqualTo(UnreadableMessageException.Kind.INVALID_FIELD);
    }

    @Test
    void refusesAMisspeltField() {
        var json = """
                {"type":"RegisterEmployee","commandId":"cmd-1","actor":"hr","occurredAt":"2026-11-24T08:00:00Z",
                 "employeeId":"emp-1","employeeNumber":"E-1","givenName":"Ada","familyName":"L",
                 "email":"a@b.co","departmnt":"x"}
                """;

        assertThatThrownBy(() -> MessageJson.readCommand(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("departmnt");
    }
}
