package io.badgeflow.admin.aws;

import io.badgeflow.admin.session.HostedSignIn;
import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.session.SignInRefusedException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pool's {@code /oauth2/token} (authorization_code grant with PKCE), authenticated as the confidential app
 * client (HTTP Basic, client_secret_basic). No code, token or secret goes into a log or a message.
 */
final class CognitoHostedSignIn implements HostedSignIn {

    private static final String REFUSED = "The single sign-on could not be completed. Sign in again.";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final ClientSecretHash secret;

    CognitoHostedSignIn(URI hostedSignInUrl, String clientId, ClientSecretHash secret) {
        this.tokenEndpoint = hostedSignInUrl.resolve("/oauth2/token");
        this.clientId = clientId;
        this.secret = secret;
    }

    @Override
    public SignIn.IssuedTokens exchange(String code, String codeVerifier, URI redirectUri) {
        var form = Map.of(
                        "grant_type", "authorization_code",
                        "client_id", clientId,
                        "code", code,
                        "code_verifier", codeVerifier,
                        "redirect_uri", redirectUri.toString())
                .entrySet()
                .stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        // RFC 6749 2.3.1: id and secret are form-encoded before Base64.
        var basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(secret.clientSecret(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new IllegalStateException("the user pool's token endpoint is unreachable", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the token endpoint", interrupted);
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new SignInRefusedException(REFUSED, null);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the user pool's token endpoint answered " + response.statusCode());
        }
        var body = JsonMapper.shared().readTree(response.body());
        var accessToken = body.path("access_token").asString();
        if (accessToken == null || accessToken.isBlank()) {
            throw new SignInRefusedException(REFUSED, null);
        }
        var refresh = body.path("refresh_token");
        return new SignIn.IssuedTokens(
                accessToken, body.path("expires_in").asInt(900), refresh.isMissingNode() ? null : refresh.asString());
    }
}
