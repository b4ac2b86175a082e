package io.badgeflow.door;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.grant.Schedule;
import io.badgeflow.model.offline.AllowList;
import io.badgeflow.model.offline.AllowListDocument;
import io.badgeflow.model.offline.AllowListEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The door API as a controller sees it, on the JDK's own HTTP server: decisions answered as a test says (in time,
 * late, failing), allow-lists signed with a test key pair as KMS would (ECDSA P-256, DER), uploads recorded.
 */
final class FakeDoorApi implements AutoCloseable {

    static final String DOOR = "door-1";
    static final KeyPair KEYS = keyPair();
    static final KeyPair OTHER_KEYS = keyPair();

    final List<byte[]> uploads = new CopyOnWriteArrayList<>();
    final List<String> listQueries = new CopyOnWriteArrayList<>();
    final List<String> versionHeaders = new CopyOnWriteArrayList<>();
    volatile int decisionStatus = 200;
    volatile long decisionDelayMillis;
    volatile byte[] listBody;
    volatile String listSignature;
    private final HttpServer server;

    FakeDoorApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/door-api/v1/doors/" + DOOR + "/decisions", this::decide);
        server.createContext("/door-api/v1/doors/" + DOOR + "/allow-list", this::list);
        server.createContext("/door-api/v1/doors/" + DOOR + "/offline-decisions", this::upload);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code document} signed with {@code keys}. */
    void serve(AllowListDocument document, KeyPair keys) {
        listBody = DoorJson.write(document);
        listSignature = sign(listBody, keys);
    }

    static AllowList list(long version, String... cardNumbers) {
        var entries = new ArrayList<AllowListEntry>();
        for (var number : cardNumbers) {
            entries.add(new AllowListEntry(
                    AllowListEntry.cardKey(DOOR, number),
                    "card-" + number,
                    "emp-" + number,
                    null,
                    null,
                    null,
                    null,
                    (Schedule) null));
        }
        return new AllowList(
                DOOR,
                "HQ",
                ZoneId.of("UTC"),
                DoorCapability.BOTH,
                version,
                Instant.parse("2026-12-07T10:00:00Z"),
                "p",
                entries);
    }

    private void decide(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        record(exchange);
        sleep(decisionDelayMillis);
        answer(exchange, decisionStatus, """
                {"eventId":"e","decision":"GRANTED","reason":"GRANTED","rule":"all-rules-passed",\
                "policyVersion":"p","cardStatus":"ACTIVE","decidedAt":"2026-12-07T10:00:00Z"}""".getBytes());
    }

    private void list(HttpExchange exchange) throws IOException {
        record(exchange);
        listQueries.add(String.valueOf(exchange.getRequestURI().getQuery()));
        if (listBody == null) {
            answer(exchange, 503, "{}".getBytes());
            return;
        }
        exchange.getResponseHeaders().add("X-Allow-List-Signature", listSignature);
        exchange.getResponseHeaders().add("X-Allow-List-Signature-Algorithm", "ECDSA_SHA_256");
        answer(exchange, 200, listBody);
    }

    private void upload(HttpExchange exchange) throws IOException {
        var body = exchange.getRequestBody().readAllBytes();
        uploads.add(body);
        var ids = new ArrayList<String>();
        DoorJson.MAPPER
                .readTree(body)
                .get("decisions")
                .forEach(item -> ids.add("\"" + item.get("eventId").asString() + "\""));
        answer(
                exchange,
                200,
                ("{\"doorId\":\"" + DOOR + "\",\"accepted\":" + ids.size() + ",\"eventIds\":" + ids + "}").getBytes());
    }

    private void record(HttpExchange exchange) {
        versionHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Allow-List-Version")));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException gone) {
            // the controller gave up waiting: nothing to answer to
        }
        exchange.close();
    }

    static String sign(byte[] body, KeyPair keys) {
        try {
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
