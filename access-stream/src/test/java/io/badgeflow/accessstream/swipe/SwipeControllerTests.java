package io.badgeflow.accessstream.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.AccessStreamStack;
import io.badgeflow.accessstream.InMemoryDoors;
import io.badgeflow.accessstream.decision.DoorGate;
import io.badgeflow.accessstream.decision.RefusedKeys;
import io.badgeflow.accessstream.limit.DoorRateLimit;
import io.badgeflow.aws.testing.StackNames;
import io.badgeflow.model.door.AnsweredEvents;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorEventStream;
import io.badgeflow.model.door.SwipeAtDoor;
import io.badgeflow.model.door.SwipeIntake;
import io.badgeflow.model.door.SwipeRecorded;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import software.amazon.awssdk.core.exception.SdkClientException;

@WebMvcTest(controllers = SwipeController.class, properties = "badgeflow.access-stream.stage=test")
@Import(StrictJson.class)
class SwipeControllerTests {

    /** Made-up names: the stream is a fake, nothing reaches AWS. */
    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackNames.placeholders(AccessStreamStack.class, Map.of())
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    static final Instant NOW = Instant.parse("2026-03-02T08:00:05Z");
    static final DeviceKey KEY = DeviceKey.generate();
    static final DeviceKey OTHER_KEY = DeviceKey.generate();

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeStream stream;

    @Autowired
    Remembered remembered;

    @BeforeEach
    void reset() {
        stream.published.clear();
        stream.failure = event -> {};
        remembered.claims.clear();
        remembered.reused.clear();
    }

    @Test
    void answersARepeatWithTheFirstReceiptAndRefusesTheIdForAnotherSwipeWith409() throws Exception {
        swipe("door-1", KEY.reveal(), body("IN")).andExpect(status().isAccepted());
        swipe("door-1", KEY.reveal(), body("IN"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.receivedAt").value(NOW.toString()));

        swipe("door-1", KEY.reveal(), body("OUT"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("eventId"))
                .andExpect(jsonPath("$.title").value("Event id reused"));

        assertThat(stream.published).hasSize(1);
        assertThat(remembered.reused)
                .singleElement()
                .satisfies(repeat -> assertThat(repeat.direction()).isEqualTo(Direction.OUT));
    }

    @Test
    void refusesAnUnknownFieldAndANumberForTextOrDirectionNamingTheField() throws Exception {
        swipe("door-1", KEY.reveal(), """
                {"eventId": "evt-1", "cardNumbr": "CARD-7", "direction": "IN", "occurredAt": "2026-03-02T08:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("cardNumbr"));
        swipe("door-1", KEY.reveal(), """
                {"eventId": 7, "cardNumber": "CARD-7", "direction": "IN", "occurredAt": "2026-03-02T08:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("eventId"));
        swipe("door-1", KEY.reveal(), """
                {"eventId": "evt-1", "cardNumber": "CARD-7", "direction": 0, "occurredAt": "2026-03-02T08:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("direction"));
        swipe("door-1", KEY.reveal(), """
                {"eventId": "evt-1", "cardNumber": "CARD-7", "direction": "IN", "occurredAt": 1772438400}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("occurredAt"));
        swipe("door-1", KEY.reveal(), """
                {"eventId": "evt-1", "eventId": "evt-2", "cardNumber": "CARD-7", "direction": "IN",
                 "occurredAt": "2026-03-02T08:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(stream.published).isEmpty();
    }

    @Test
    void acceptsASwipeFromAKnownDoorAndPutsItOnTheStream() throws Exception {
        swipe("door-1", KEY.reveal(), body("IN"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.eventId").value("evt-1"))
                .andExpect(jsonPath("$.doorId").value("door-1"))
                .andExpect(jsonPath("$.receivedAt").value(NOW.toString()));

        assertThat(stream.published)
                .singleElement()
                .isEqualTo(new SwipeRecorded(
                        "evt-1",
                        "door-1",
                        "bldg-1",
                        "CARD-7",
                        Direction.IN,
                        Instant.parse("2026-03-02T08:00:00Z"),
                        NOW));
    }

    @Test
    void rejectsAWrongKeyAsAProblemWithoutTouchingTheStream() throws Exception {
        swipe("door-1", DeviceKey.generate().reveal(), body("IN"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.title").value("Unknown device"));

        assertThat(stream.published).isEmpty();
    }

    @Test
    void rejectsAMissingKeyLikeAWrongOne() throws Exception {
        swipe("door-1", null, body("IN"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsTheKeyOfAnotherDoorWith403() throws Exception {
        swipe("door-2", KEY.reveal(), body("IN"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsAValidKeyOnAnUnknownDoorLikeAWrongKey() throws Exception {
        var validKey = swipe("door-404", KEY.reveal(), body("IN"))
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse();
        var wrongKey = swipe("door-404", DeviceKey.generate().reveal(), body("IN"))
                .andReturn()
                .getResponse();

        assertThat(validKey.getContentAsString()).isEqualTo(wrongKey.getContentAsString());
        assertThat(validKey.getHeader("WWW-Authenticate")).isEqualTo(wrongKey.getHeader("WWW-Authenticate"));
    }

    @Test
    void rejectsAnUnknownDoorLikeAWrongKey() throws Exception {
        swipe("door-404", DeviceKey.generate().reveal(), body("IN"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Unknown door or missing or wrong X-Door-Key header."));
    }

    @Test
    void namesTheFieldOfAnUnknownDirection() throws Exception {
        swipe("door-1", KEY.reveal(), body("SIDEWAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("direction"))
                .andExpect(jsonPath("$.detail").value("direction must be one of IN, OUT"));
    }

    @Test
    void namesAMissingEventId() throws Exception {
        swipe("door-1", KEY.reveal(), """
                {"cardNumber": "CARD-7", "direction": "IN", "occurredAt": "2026-03-02T08:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("eventId"));
        assertThat(stream.published).isEmpty();
    }

    @Test
    void namesAnUnreadableTimestamp() throws Exception {
        swipe("door-1", KEY.reveal(), """
                {"eventId": "evt-1", "cardNumber": "CARD-7", "direction": "IN", "occurredAt": "yesterday"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("occurredAt"));
    }

    @Test
    void rejectsABodyThatIsNotJson() throws Exception {
        swipe("door-1", KEY.reveal(), "{\"eventId\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed swipe"));
    }

    @Test
    void asksTheDeviceToRetryWhenTheStreamIsDown() throws Exception {
        stream.failure = event -> {
            throw new StreamUnavailableException("PutRecord failed: connection refused", null);
        };

        swipe("door-1", KEY.reveal(), body("OUT"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.detail")
                        .value("The swipe could not be stored right now; retry with the same eventId."));
    }

    @Test
    void asksTheDeviceToRetryWhileAStoreDoesNotAnswer() throws Exception {
        stream.failure = event -> {
            throw SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused"));
        };

        swipe("door-1", KEY.reveal(), body("IN"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.title").value("Dependency unavailable"));
    }

    @Test
    void answersAnUnexpectedFailureWithoutItsDetails() throws Exception {
        stream.failure = event -> {
            throw new IllegalStateException("secret internals at io.badgeflow.Something");
        };

        var body = swipe("door-1", KEY.reveal(), body("IN"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("secret", "io.badgeflow", "Exception");
    }

    private ResultActions swipe(String doorId, String key, String body) throws Exception {
        var request = post("/door-api/v1/doors/{doorId}/swipes", doorId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (key != null) {
            request.header("X-Door-Key", key);
        }
        return mvc.perform(request);
    }

    private static String body(String direction) {
        return """
                {"eventId": "evt-1", "cardNumber": "CARD-7", "direction": "%s", "occurredAt": "2026-03-02T08:00:00Z"}""".formatted(direction);
    }

    static final class FakeStream implements DoorEventStream {
        final List<DoorEvent> published = new ArrayList<>();
        Consumer<DoorEvent> failure = event -> {};

        @Override
        public void publish(DoorEvent event) {
            failure.accept(event);
            published.add(event);
        }
    }

    /** The swipe API's memory of answered event ids, and the reuses it reported, reset before each test. */
    static final class Remembered {
        final ConcurrentHashMap<String, AnsweredEvents.Claim<SwipeRecorded>> claims = new ConcurrentHashMap<>();
        final List<SwipeAtDoor> reused = new CopyOnWriteArrayList<>();
    }

    @TestConfiguration
    @EnableConfigurationProperties(AccessStreamProperties.class)
    static class Ports {

        @Bean
        Remembered remembered() {
            return new Remembered();
        }

        @Bean
        AnsweredEvents<SwipeRecorded> answeredSwipes(Remembered remembered) {
            return new AnsweredEvents<>(remembered.claims, (first, repeat) -> remembered.reused.add(repeat));
        }

        @Bean
        FakeStream fakeStream() {
            return new FakeStream();
        }

        @Bean
        SwipeIntake swipeIntake(FakeStream stream) {
            var doors = new InMemoryDoors();
            doors.register(new Door("door-1", "bldg-1", DeviceKeyHash.of(KEY)));
            doors.register(new Door("door-2", "bldg-1", DeviceKeyHash.of(OTHER_KEY)));
            return new SwipeIntake(doors, stream, Clock.fixed(NOW, ZoneOffset.UTC));
        }

        @Bean
        DoorGate doorGate(SwipeIntake intake, AccessStreamProperties properties) {
            return new DoorGate(intake, new RefusedKeys(properties.decisions()), new DoorRateLimit(properties));
        }
    }
}
