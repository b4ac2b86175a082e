package io.badgeflow.admin.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.badgeflow.admin.session.SignInRefusedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool's token endpoint, stood in for by a local HTTP server (the emulator's hosted sign-in cannot federate a
 * provider here): the code, PKCE verifier and redirect URI go as a form, the client authenticates with its secret
 * (client_secret_basic), and a refused code is a refused sign-in.
 */
class CognitoHostedSignInTests {

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer =
            "{\"access_token\":\"access-1\",\"refresh_token\":\"refresh-1\",\"expires_in\":900,\"token_type\":\"Bearer\"}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void exchangesTheCodeWithTheVerifierAsTheConfidentialClient() {
        var tokens = hostedSignIn()
                .exchange("the-code", "the-verifier", URI.create("https://backoffice.example.com/auth/sso/callback"));

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(tokens.refreshToken()).isEqualTo("refresh-1");
        assertThat(tokens.expiresIn()).isEqualTo(900);
        assertThat(path.get()).isEqualTo("/oauth2/token");
        assertThat(form(body.get()))
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("client_id", "client-1")
                .containsEntry("code", "the-code")
                .containsEntry("code_verifier", "the-verifier")
                .containsEntry("redirect_uri", "https://backoffice.example.com/auth/sso/callback")
                .doesNotContainKey("client_secret");
        assertThat(new String(
                        Base64.getDecoder().decode(authorization.get().substring("Basic ".length())),
                        StandardCharsets.UTF_8))
                .isEqualTo("client-1:s3cret%2Bwith%2Fsigns");
    }

    @Test
    void aRefusedCodeIsARefusedSignIn() {
        status = 400;
        answer = "{\"error\":\"invalid_grant\"}";

        assertThatThrownBy(() -> hostedSignIn().exchange("used", "v", URI.create("https://x.example/cb")))
                .isInstanceOf(SignInRefusedException.class)
                .hasMessageNotContaining("used");
    }

    private CognitoHostedSignIn hostedSignIn() {
        return new CognitoHostedSignIn(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "client-1",
                new ClientSecretHash("client-1", "s3cret+with/signs"));
    }

    private static Map<String, String> form(String encoded) {
        return Arrays.stream(encoded.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
