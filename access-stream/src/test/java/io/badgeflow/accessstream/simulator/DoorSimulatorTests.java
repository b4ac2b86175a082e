package io.badgeflow.accessstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

import io.badgeflow.accessstream.InMemoryDoors;
import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.AccessStreamProperties.Simulator;
import io.badgeflow.accessstream.AccessStreamProperties.Tables;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class DoorSimulatorTests {

    private final InMemoryDoors doors = new InMemoryDoors();
    private final RestClient.Builder http = RestClient.builder();
    private final MockRestServiceServer api = MockRestServiceServer.bindTo(http).build();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private DoorSimulator simulator;

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void provisionsItsDoorThenSwipesEachCardInAndOut() {
        expectSwipes(4, HttpStatus.ACCEPTED);
        simulator = simulator(4);

        simulator.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.summary().get("accepted") == 4);
        api.verify();
        var door = doors.find("door-sim").orElseThrow();
        assertThat(door.buildingId()).isEqualTo("bldg-sim");
        assertThat(keys).allSatisfy(key -> assertThat(door.accepts(DeviceKey.presented(key))).isTrue());
        assertThat(bodies).extracting(body -> field(body, "cardNumber") + " " + field(body, "direction"))
                .containsExactly("SIM-00001 IN", "SIM-00002 IN", "SIM-00001 OUT", "SIM-00002 OUT");
        assertThat(bodies).extracting(body -> field(body, "eventId")).doesNotHaveDuplicates();
    }

    @Test
    void countsTheSwipesTheApiRejects() {
        expectSwipes(2, HttpStatus.UNAUTHORIZED);
        simulator = simulator(2);

        simulator.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.summary().get("rejected") == 2);
        assertThat(simulator.summary()).containsEntry("sent", 2L).containsEntry("accepted", 0L)
                .containsEntry("failed", 0L);
    }

    private void expectSwipes(int count, HttpStatus answer) {
        api.expect(ExpectedCount.times(count), requestTo("http://door.test/api/v1/doors/door-sim/swipes"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(request -> {
                    keys.add(request.getHeaders().getFirst("X-Door-Key"));
                    bodies.add(((MockClientHttpRequest) request).getBodyAsString());
                })
                .andRespond(withStatus(answer));
    }

    private DoorSimulator simulator(long count) {
        var settings = new Simulator(true, URI.create("http://door.test"), "door-sim", "bldg-sim", 200, 2, count,
                null, null);
        var tables = new Tables("doors", "swipes", "presence", "employees", "cards", "buildings", "grants", "commands",
                "parked-records", "alarms");
        var properties = new AccessStreamProperties("test", tables, "swipes", null, null,
                new AccessStreamProperties.Alarms("arn:aws:sns:us-east-1:000000000000:t", 0, null), null, settings);
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("restClientBuilder", http);
        return new DoorSimulator(doors, properties, beans.getBeanProvider(RestClient.Builder.class));
    }

    private static String field(String json, String name) {
        return JsonMapper.shared().readTree(json).get(name).asString();
    }
}
