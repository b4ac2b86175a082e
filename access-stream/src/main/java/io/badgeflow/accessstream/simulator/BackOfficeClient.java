package io.badgeflow.accessstream.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The back office as the simulator uses it: over admin-service's public API, signed in as an admin, exactly as
 * a person in the web UI would. Each command is awaited until APPLIED (or the simulator stops with its reason).
 */
final class BackOfficeClient {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private String token;

    BackOfficeClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    void signIn(String username, String password) {
        var answer = send(
                "POST",
                "/auth/login",
                "application/json",
                JSON.writeValueAsString(Map.of("username", username, "password", password)),
                false);
        token = answer.get("accessToken").asString();
    }

    boolean exists(String path) {
        return status("GET", path) == 200;
    }

    /** Registers a building in UTC unless it exists. */
    void ensureBuilding(String buildingId) {
        if (!exists("/api/v1/buildings/" + buildingId)) {
            await(send(
                    "POST",
                    "/api/v1/buildings",
                    "application/json",
                    JSON.writeValueAsString(
                            Map.of("buildingId", buildingId, "name", "Simulated " + buildingId, "timeZone", "UTC")),
                    true));
        }
    }

    /** The door's key: a new door's, or a fresh one for a door that exists (its old key is not stored). */
    String doorKey(String buildingId, String doorId) {
        JsonNode accepted = exists("/api/v1/doors/" + doorId)
                ? send("POST", "/api/v1/doors/" + doorId + "/rotate-key", "application/json", "{}", true)
                : send(
                        "POST",
                        "/api/v1/buildings/" + buildingId + "/doors",
                        "application/json",
                        JSON.writeValueAsString(
                                Map.of("name", "Simulated " + doorId, "capability", "BOTH", "doorId", doorId)),
                        true);
        await(accepted);
        return accepted.get("deviceKey").asString();
    }

    /** Uploads the people as one import (the same file is the same import, so a rerun onboards nobody twice). */
    void importPeople(String csv) {
        var accepted = send("POST", "/api/v1/imports", "text/csv", csv, true);
        var path = "/api/v1/imports/" + accepted.get("importId").asString();
        var deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            var progress = send("GET", path, null, null, true);
            var status = progress.get("status").asString();
            if ("COMPLETED".equals(status)) {
                return;
            }
            if ("REJECTED".equals(status)) {
                throw new IllegalStateException("the simulator's import was rejected: " + progress);
            }
            pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the simulator's import did not complete within 10 minutes");
    }

    /** Revokes the card unless it is revoked already (a rerun of the same population). */
    void revokeCard(String cardId) {
        var card = send("GET", "/api/v1/cards/" + cardId, null, null, true);
        if (!"REVOKED".equals(card.path("card").path("status").asString(""))) {
            await(send("POST", "/api/v1/cards/" + cardId + "/revoke", "application/json", "{}", true));
        }
    }

    private void await(JsonNode accepted) {
        var path = "/api/v1/commands/" + accepted.get("commandId").asString();
        var deadline = Instant.now().plus(COMMAND_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (status("GET", path) == 200) {
                var command = send("GET", path, null, null, true);
                switch (command.get("status").asString()) {
                    case "APPLIED" -> {
                        return;
                    }
                    case "REJECTED" -> throw new IllegalStateException("command rejected: " + command);
                    default -> {
                        // PENDING: card-events has not finished it yet.
                    }
                }
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException("command " + path + " not applied within " + COMMAND_WAIT);
    }

    private int status(String method, String path) {
        try {
            return http.send(request(method, path, null, null, true), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("admin-service did not answer " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode send(String method, String path, String contentType, String body, boolean signed) {
        try {
            var response =
                    http.send(request(method, path, contentType, body, signed), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("admin-service did not answer " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest request(String method, String path, String contentType, String body, boolean signed) {
        var builder = HttpRequest.newBuilder(BaseUrls.under(base, path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (signed) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
