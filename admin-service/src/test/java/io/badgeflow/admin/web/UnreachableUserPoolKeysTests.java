package io.badgeflow.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A well-formed token while the user pool's signing keys cannot be loaded (here the endpoint is a closed port): the
 * token may be fine, so the answer is 503 problem+json with Retry-After, on the back-office API and on SCIM alike,
 * never a 500.
 */
class UnreachableUserPoolKeysTests extends ForwardedHeadersTestSupport {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/employees", "/scim/v2/Users"})
    void answers503WhenTheTokenCannotBeChecked(String path) throws Exception {
        var token = part("{\"alg\":\"RS256\",\"kid\":\"key-1\",\"typ\":\"JWT\"}") + "."
                + part("{\"sub\":\"someone\",\"token_use\":\"access\",\"exp\":4102444800}") + "."
                + part("not a signature");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
    }

    private static String part(String text) {
        return URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
