package io.badgeflow.aws.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.SwipeRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SwipeStreamRecordsTests {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ExitRecorded EXIT =
            new ExitRecorded("evt-1", "door-1", "bldg-1", "0042", "card-1", "emp-1", List.of(), AT, AT);

    @Test
    void readsADoorEventPutByTheSwipeApi() {
        var swipe = new SwipeRecorded("evt-2", "door-1", "bldg-1", "0042", Direction.IN, AT, AT);

        assertThat(SwipeStreamRecords.read(MessageJson.write(swipe)))
                .contains(new SwipeStreamRecords.Streamed(swipe, false));
    }

    @Test
    void readsTheDecisionATableChangeCarriesInTheFormAwsWritesIt() {
        // Kinesis Data Streams for DynamoDB's record: the new image in DynamoDB's attribute-value JSON.
        var change = change("MODIFY", decisionImage(EXIT));

        assertThat(SwipeStreamRecords.read(change)).contains(new SwipeStreamRecords.Streamed(EXIT, true));
    }

    @Test
    void passesOverAChangeThatCarriesNoDecision() {
        var projected = change("MODIFY", Map.of("employeeId", Map.of("S", "emp-1")));
        var expired = change("REMOVE", decisionImage(EXIT));

        assertThat(SwipeStreamRecords.read(projected))
                .as("the consumer's own presence write")
                .isEmpty();
        assertThat(SwipeStreamRecords.read(expired)).as("a row expiring").isEmpty();
    }

    @Test
    void callsACarriedEventThatIsNotOneUnreadable() {
        var broken = change("INSERT", Map.of("decisionEvent", Map.of("S", "{\"type\":\"Nope\"}")));

        assertThatThrownBy(() -> SwipeStreamRecords.read(broken))
                .isInstanceOf(UnreadableMessageException.class)
                .extracting(e -> ((UnreadableMessageException) e).kind())
                .isEqualTo(UnreadableMessageException.Kind.UNKNOWN_TYPE);
        assertThatThrownBy(() -> SwipeStreamRecords.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class);
    }

    private static Map<String, Object> decisionImage(ExitRecorded event) {
        return Map.of(
                "employeeId", Map.of("S", "emp-1"),
                "decisionEvent", Map.of("S", new String(MessageJson.write(event), StandardCharsets.UTF_8)));
    }

    private static byte[] change(String eventName, Map<String, Object> newImage) {
        return JSON.writeValueAsBytes(Map.of(
                "awsRegion", "eu-west-1",
                "eventID", "4b2d8c3e",
                "eventName", eventName,
                "recordFormat", "application/json",
                "tableName", "badgeflow-dev-presence",
                "eventSource", "aws:dynamodb",
                "dynamodb",
                        Map.of(
                                "ApproximateCreationDateTime",
                                1765094400000L,
                                "Keys",
                                Map.of("employeeId", Map.of("S", "emp-1")),
                                "NewImage",
                                newImage,
                                "SizeBytes",
                                412)));
    }
}
