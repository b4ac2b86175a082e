package io.badgeflow.accessstream.simulator;

import io.badgeflow.door.DoorController;
import io.badgeflow.door.DoorControllerSettings;
import io.badgeflow.door.SwipeResult;
import io.badgeflow.model.door.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's doors as real controllers run them (the door-controller library): each swipe asks the decision
 * API within the reader's 200 ms, and decides from the door's verified allow-list when the API does not answer in
 * time; every few seconds each door fetches the changes to its list and uploads what it decided offline. So the
 * live page shows the simulated doors' list versions and ages, and a stopped access-stream shows offline entries.
 * The public key is fetched once from the service, which a real door must not do (it is given the key at
 * installation); for a simulation on one machine that is enough.
 */
final class ControlledDoors implements AutoCloseable {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final List<DoorController> controllers = new ArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("simulated-door-lists").daemon().factory());

    ControlledDoors(HttpClient http, URI baseUrl, String buildingId, List<String> doors, List<String> keys) {
        try {
            var data = Files.createTempDirectory("badgeflow-simulator-" + buildingId + "-");
            for (var i = 0; i < doors.size(); i++) {
                var doorId = doors.get(i);
                var settings = new DoorControllerSettings(
                        URI.create(baseUrl.toString().replaceAll("/+$", "")),
                        doorId,
                        keys.get(i),
                        publicKey(http, baseUrl, doorId, keys.get(i)),
                        DoorControllerSettings.DEFAULT_DEADLINE,
                        data.resolve(doorId),
                        0);
                controllers.add(new DoorController(settings, Clock.systemUTC()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the simulated doors' lists", e);
        }
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    SwipeResult swipe(int door, String cardNumber, Direction direction) {
        return controllers.get(door).swipe(cardNumber, direction);
    }

    private void refresh() {
        for (var controller : controllers) {
            controller.refreshAllowList();
            if (controller.buffered() > 0) {
                controller.uploadOffline();
            }
        }
    }

    private static PublicKey publicKey(HttpClient http, URI baseUrl, String doorId, String key) {
        var request = HttpRequest.newBuilder(
                        BaseUrls.under(baseUrl, "/door-api/v1/doors/" + doorId + "/allow-list/public-key"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Door-Key", key)
                .GET()
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the allow-list key of " + doorId + " answered " + response.statusCode());
            }
            var der = Base64.getDecoder()
                    .decode(JsonMapper.shared()
                            .readTree(response.body())
                            .get("publicKey")
                            .asString());
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the allow-list key of " + doorId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        controllers.forEach(DoorController::close);
    }
}
