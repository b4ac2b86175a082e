package io.badgeflow.cardevents.alarmwebhook;

import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.model.webhook.SubscriptionTarget;
import io.badgeflow.model.webhook.WebhookAddresses;
import io.badgeflow.model.webhook.WebhookDelivery;
import io.badgeflow.model.webhook.WebhookSecrets;
import io.badgeflow.model.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery: checks where the URL's host resolves to (the SSRF guard), signs the body with the
 * subscription's secrets and POSTs it. Anything but a 2xx answer is a {@link WebhookFailedException} naming the
 * status code or the error, which becomes the reason shown on the dead-letters page. The secret is never logged.
 */
@Component
class WebhookPoster {

    static final String DELIVERY_ID_HEADER = "Badgeflow-Delivery-Id";

    private final HttpClient http;
    private final WebhookAddresses addresses;
    private final boolean allowLoopback;
    private final Duration timeout;
    private final Clock clock;

    WebhookPoster(
            HttpClient webhookHttpClient, WebhookAddresses addresses, CardEventsProperties properties, Clock clock) {
        this.http = webhookHttpClient;
        this.addresses = addresses;
        this.allowLoopback = properties.webhooks().allowLoopback();
        this.timeout = properties.webhooks().timeout();
        this.clock = clock;
    }

    void post(String url, WebhookDelivery delivery, WebhookSecrets secrets, int attempt) {
        var uri = URI.create(url);
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !(allowLoopback && SubscriptionTarget.Webhook.loopback(uri.getHost()))) {
            // Stored before a stage changed its setting, or written around the API: never sent in clear.
            throw new WebhookFailedException("refused: not an https URL");
        }
        String refusal;
        try {
            refusal = addresses.refusal(Arrays.asList(InetAddress.getAllByName(uri.getHost())));
        } catch (UnknownHostException e) {
            throw new WebhookFailedException("host " + uri.getHost() + " does not resolve");
        }
        if (refusal != null) {
            throw new WebhookFailedException("refused by the address guard: " + refusal);
        }
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        var now = clock.instant();
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Badgeflow-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(now, body, secrets.signingAt(now)))
                .header(DELIVERY_ID_HEADER, delivery.deliveryId())
                .header("Badgeflow-Delivery-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new WebhookFailedException("no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailedException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new WebhookFailedException("HTTP " + response.statusCode());
        }
    }

    /** The receiver did not take the delivery: the message says how (status code or error), never the secret. */
    static final class WebhookFailedException extends RuntimeException {
        WebhookFailedException(String reason) {
            super(reason);
        }
    }
}
