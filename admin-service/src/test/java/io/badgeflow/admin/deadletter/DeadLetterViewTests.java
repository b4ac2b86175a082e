package io.badgeflow.admin.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.delivery.DeliveryFailure;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeadLetterViewTests {

    private static final Instant SENT = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void namesTheAnnouncedObjectsTheirCommandIdsAndTheRecordedReason() {
        var commandId = "5f8e0c1a-3b2d-4c5e-8f9a-0b1c2d3e4f5a";
        var failure = new DeliveryFailure(
                "badgeflow-local-commands",
                "m-1",
                "java.lang.IllegalStateException: boom",
                3,
                SENT.plusSeconds(1),
                SENT.plusSeconds(9));

        var view = DeadLetterView.of(
                new DeadLetter("m-9", body("commands/" + commandId + ".json"), SENT, 4), Optional.of(failure));

        assertThat(view.objectKeys()).containsExactly("commands/" + commandId + ".json");
        assertThat(view.commandIds()).containsExactly(commandId);
        assertThat(view.envelopeProblem()).isNull();
        assertThat(view.reason()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(view.attempts()).isEqualTo(3);
        assertThat(view.lastFailedAt()).isEqualTo(SENT.plusSeconds(9));
        assertThat(view.receiveCount()).isEqualTo(4);
    }

    @Test
    void showsAnUnreadableBodyWithTheParsersComplaintAndNoReason() {
        var view = DeadLetterView.of(new DeadLetter("m-1", "garbage", SENT, 1), Optional.empty());

        assertThat(view.objectKeys()).isEmpty();
        assertThat(view.envelopeProblem()).contains("unreadable");
        assertThat(view.reason()).isEqualTo(DeadLetterView.NO_REASON);
        assertThat(view.attempts()).isNull();
    }

    @Test
    void listsAnObjectWhoseNameIsNoCommandDocumentWithoutACommandId() {
        var view =
                DeadLetterView.of(new DeadLetter("m-1", body("imports/hr-2026-11-24.csv"), SENT, 1), Optional.empty());

        assertThat(view.objectKeys()).containsExactly("imports/hr-2026-11-24.csv");
        assertThat(view.commandIds()).isEmpty();
    }

    private static String body(String key) {
        var s3Event = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"" + key + "\"}}}]}";
        return "{\"Type\":\"Notification\",\"Message\":" + JsonMapper.shared().writeValueAsString(s3Event) + "}";
    }
}
