package io.badgeflow.admin.security;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.health.ProbeHealthIndicator;
import io.badgeflow.aws.outage.CachedProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of the user pool's signing keys ({@code cognitoJwks}, in the readiness group): without them no token
 * verifies once the decoder's key cache expires. One GET of the JWKS the decoder uses, bounded and cached.
 */
@Configuration(proxyBeanMethods = false)
class CognitoJwksHealthConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ProbeHealthIndicator cognitoJwksHealthIndicator(
            AdminServiceStack stack,
            @Value("${spring.cloud.aws.endpoint:}") String endpoint,
            @Value("${badgeflow.health.probe-cache:2s}") Duration cache) {
        var uri = URI.create(CognitoJwtConfiguration.jwkSetUri(stack.userPoolId(), endpoint));
        var http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        return new ProbeHealthIndicator(
                uri.toString(), new CachedProbe(() -> fetchKeys(http, request), cache, Clock.systemUTC()));
    }

    private static void fetchKeys(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"keys\"")) {
            throw new IOException("JWKS answered " + response.statusCode());
        }
    }
}
