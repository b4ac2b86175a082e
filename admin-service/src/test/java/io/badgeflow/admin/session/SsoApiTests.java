package io.badgeflow.admin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.badgeflow.admin.ApiSliceTestSupport;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through a federated provider: the redirect to the pool's hosted sign-in with the provider, state and
 * PKCE; the callback that checks the state and exchanges the code (the token endpoint is {@link HostedSignIn},
 * mocked here; {@code CognitoHostedSignInTests} runs it against a local HTTP server) and opens the session.
 */
@TestPropertySource(
        properties = {
            "badgeflow.admin-service.sso.hosted-sign-in-url=https://badgeflow.auth.us-east-1.amazoncognito.com",
            "badgeflow.admin-service.sso.providers=Corporate",
            "badgeflow.admin-service.sso.callback-url=https://backoffice.example.com/auth/sso/callback"
        })
class SsoApiTests extends ApiSliceTestSupport {

    @MockitoBean
    JwtDecoder jwtDecoder;

    @BeforeEach
    void federatedUser() {
        when(jwtDecoder.decode(any()))
                .thenAnswer(call -> Jwt.withTokenValue(call.getArgument(0))
                        .header("alg", "RS256")
                        .claim("username", "Corporate_abc123")
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(900))
                        .build());
    }

    @Test
    void namesTheConfiguredProviders() throws Exception {
        var response = mvc.perform(get("/auth/providers")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"providers\":[\"Corporate\"]}");
    }

    @Test
    void redirectsToTheHostedSignInWithTheProviderStateAndPkceKeptInALaxCookieOnAuth() throws Exception {
        var response = mvc.perform(get("/auth/sso/Corporate")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        var location = URI.create(response.getHeader("Location"));
        assertThat(location.getHost()).isEqualTo("badgeflow.auth.us-east-1.amazoncognito.com");
        assertThat(location.getPath()).isEqualTo("/oauth2/authorize");
        var query = query(location);
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("identity_provider", "Corporate")
                .containsEntry("redirect_uri", "https://backoffice.example.com/auth/sso/callback")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "openid email profile");
        var cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/auth", "Max-Age=600");
        var value = cookie.substring("badgeflow_sso=".length(), cookie.indexOf(';'));
        var state = value.substring(0, value.indexOf('.'));
        var verifier = value.substring(value.indexOf('.') + 1);
        assertThat(query.get("state")).isEqualTo(state);
        assertThat(query.get("code_challenge")).isEqualTo(SsoController.challenge(verifier));
        assertThat(query.get("code_challenge")).isNotEqualTo(verifier);
    }

    @Test
    void anUnknownProviderIsA404Problem() throws Exception {
        var response = mvc.perform(get("/auth/sso/Elsewhere")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void theCallbackExchangesTheCodeWithTheVerifierAndOpensTheSession() throws Exception {
        var started = mvc.perform(get("/auth/sso/Corporate")).andReturn().getResponse();
        var cookie = ssoCookie(started);
        var state = cookie.getValue().substring(0, cookie.getValue().indexOf('.'));
        var verifier = cookie.getValue().substring(cookie.getValue().indexOf('.') + 1);
        when(hostedSignIn.exchange(eq("the-code"), eq(verifier), any()))
                .thenReturn(new SignIn.IssuedTokens("access-1", 900, "refresh-1"));

        var response = mvc.perform(get("/auth/sso/callback")
                        .param("code", "the-code")
                        .param("state", state)
                        .cookie(cookie))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("Location")).isEqualTo("/");
        assertThat(response.getHeaders("Set-Cookie"))
                .anySatisfy(set -> assertThat(set).startsWith("badgeflow_sso=;").contains("Max-Age=0"))
                .anySatisfy(set -> assertThat(set)
                        .startsWith("badgeflow_refresh=refresh-1;")
                        .contains("HttpOnly", "SameSite=Strict", "Path=/auth"))
                // base64url of Corporate_abc123: the refresh's SECRET_HASH is over the pool username
                .anySatisfy(set -> assertThat(set).startsWith("badgeflow_user=Q29ycG9yYXRlX2FiYzEyMw;"));
    }

    @Test
    void aFederatedAdminsRefreshOpensTheSessionWithoutTheServicesTotpEnrolment() throws Exception {
        doAnswer(call -> Jwt.withTokenValue(call.getArgument(0))
                        .header("alg", "RS256")
                        .claim("username", "Corporate_abc123")
                        .claim("cognito:groups", java.util.List.of("admin"))
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(900))
                        .build())
                .when(jwtDecoder)
                .decode(any());
        when(signIn.withRefreshToken("Corporate_abc123", "refresh-1"))
                .thenReturn(new SignIn.IssuedTokens("access-2", 900, null));
        when(signIn.hasTotp(any())).thenReturn(false);

        var response = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/auth/refresh")
                                .cookie(
                                        new Cookie("badgeflow_refresh", "refresh-1"),
                                        new Cookie("badgeflow_user", "Q29ycG9yYXRlX2FiYzEyMw")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"accessToken\":\"access-2\"");
        verify(signIn, never()).enrolTotpWithAccessToken(any());
    }

    @Test
    void refusesACallbackWithAnotherStateWithoutCookieWithoutCodeOrWithTheProvidersError() throws Exception {
        var started = mvc.perform(get("/auth/sso/Corporate")).andReturn().getResponse();
        var cookie = ssoCookie(started);

        var otherState = mvc.perform(get("/auth/sso/callback")
                        .param("code", "the-code")
                        .param("state", "A".repeat(43))
                        .cookie(cookie))
                .andReturn()
                .getResponse();
        var noCookie = mvc.perform(get("/auth/sso/callback").param("code", "c").param("state", "s"))
                .andReturn()
                .getResponse();
        var noCode = mvc.perform(get("/auth/sso/callback")
                        .param("state", cookie.getValue().substring(0, 43))
                        .cookie(cookie))
                .andReturn()
                .getResponse();
        var providerError = mvc.perform(get("/auth/sso/callback")
                        .param("error", "access_denied")
                        .param("error_description", "<script>")
                        .cookie(cookie))
                .andReturn()
                .getResponse();

        for (var refused : new MockHttpServletResponse[] {otherState, noCookie, noCode, providerError}) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getHeader("Set-Cookie")).startsWith("badgeflow_sso=;");
        }
        assertThat(providerError.getContentAsString()).contains("access_denied").doesNotContain("<script>");
        verify(hostedSignIn, never()).exchange(any(), any(), any());
    }

    private static Cookie ssoCookie(MockHttpServletResponse started) {
        var set = started.getHeader("Set-Cookie");
        return new Cookie("badgeflow_sso", set.substring("badgeflow_sso=".length(), set.indexOf(';')));
    }

    private static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> java.net.URLDecoder.decode(
                                entry.getValue().get(0), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
