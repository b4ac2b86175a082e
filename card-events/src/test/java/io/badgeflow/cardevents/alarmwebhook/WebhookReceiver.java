package io.badgeflow.cardevents.alarmwebhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on the loopback for the tests: records every request (headers and body) and answers with the
 * status set for its path, 204 unless told otherwise.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, String signature, String deliveryId, String attempt, byte[] body, Instant at) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingStatus = new AtomicInteger(500);
    private volatile boolean failing = true;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            var path = exchange.getRequestURI().getPath();
            received.add(new Received(
                    path,
                    exchange.getRequestHeaders().getFirst("Badgeflow-Signature"),
                    exchange.getRequestHeaders().getFirst("Badgeflow-Delivery-Id"),
                    exchange.getRequestHeaders().getFirst("Badgeflow-Delivery-Attempt"),
                    body,
                    Instant.now()));
            var status = path.startsWith("/fail") && failing ? failingStatus.get() : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** From now on /fail... answers 204 too: the receiver was fixed. */
    void recover() {
        failing = false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
