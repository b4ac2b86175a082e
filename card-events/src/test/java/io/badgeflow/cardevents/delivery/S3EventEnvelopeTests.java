package io.badgeflow.cardevents.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.aws.s3.S3EventEnvelope;
import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.aws.s3.UnreadableEnvelopeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class S3EventEnvelopeTests {

    @Test
    void findsTheAnnouncedObjectInARecordedDelivery() throws IOException {
        var body = recordedBody().replace("${bucket}", "badgeflow-commands").replace("${key}", "commands/cmd-1.json");

        assertThat(S3EventEnvelope.objects(body))
                .containsExactly(new StoredObject("badgeflow-commands", "commands/cmd-1.json", null));
    }

    @Test
    void decodesTheUrlEncodedKey() throws IOException {
        var body = recordedBody().replace("${bucket}", "b").replace("${key}", "commands/a+b%3Ac.json");

        assertThat(S3EventEnvelope.objects(body)).extracting(StoredObject::key).containsExactly("commands/a b:c.json");
    }

    @Test
    void skipsTheTestEventS3SendsWhenTheNotificationIsConfigured() throws IOException {
        var body = resource("/events/sns-s3-test-event.json");

        assertThat(S3EventEnvelope.objects(body)).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotAnSnsNotification() {
        assertThatThrownBy(() -> S3EventEnvelope.objects("{\"hello\":1}"))
                .isInstanceOf(UnreadableEnvelopeException.class)
                .hasMessageContaining("not an SNS notification");
        assertThatThrownBy(() -> S3EventEnvelope.objects("garbage")).isInstanceOf(UnreadableEnvelopeException.class);
    }

    static String recordedBody() throws IOException {
        var event = JsonMapper.shared().readTree(resource("/events/sqs-sns-s3-object-created.json"));
        return event.get("Records").get(0).get("body").asString();
    }

    static String resource(String name) throws IOException {
        try (var in = S3EventEnvelopeTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
