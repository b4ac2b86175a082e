package io.badgeflow.admin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.badgeflow.admin.ApiSliceTestSupport;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The web UI's sign-in: tokens to the page, the refresh token only as an HttpOnly cookie, refusals as 401 problems. */
class SessionApiTests extends ApiSliceTestSupport {

    @MockitoBean
    JwtDecoder jwtDecoder;

    @BeforeEach
    void tokensNameTheirUser() {
        when(jwtDecoder.decode(any()))
                .thenAnswer(call -> Jwt.withTokenValue(call.getArgument(0))
                        .header("alg", "RS256")
                        .claim("username", "demo-admin")
                        .claim("cognito:groups", List.of("admin"))
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(3600))
                        .build());
    }

    @Test
    void signsInAndKeepsTheRefreshTokenInAnHttpOnlyStrictCookieOnAuthOnly() throws Exception {
        when(signIn.withPassword("demo-admin", "pw"))
                .thenReturn(new SignIn.IssuedTokens("access-1", 3600, "refresh-1"));

        var response = mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"password\":\"pw\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains(
                        "\"accessToken\":\"access-1\"",
                        "\"expiresIn\":3600",
                        "\"username\":\"demo-admin\"",
                        "\"groups\":[\"admin\"]")
                .doesNotContain("refresh-1");
        var cookie = response.getHeader("Set-Cookie");
        assertThat(cookie)
                .startsWith("badgeflow_refresh=refresh-1")
                .contains("Path=/auth", "HttpOnly", "SameSite=Strict", "Secure");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void answersAWrongPasswordWith401Problem() throws Exception {
        when(signIn.withPassword(any(), any()))
                .thenThrow(new SignInRefusedException("Incorrect username or password.", null));

        var response = mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"password\":\"wrong\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("Incorrect username or password.");
    }

    @Test
    void namesMissingCredentialsAsInvalidFields() throws Exception {
        var response = mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"username\"", "\"password\"");
    }

    @Test
    void refreshesFromTheCookieAndKeepsItWhenThePoolIssuesNoNewOne() throws Exception {
        when(signIn.withRefreshToken("refresh-1")).thenReturn(new SignIn.IssuedTokens("access-2", 3600, null));

        var response = mvc.perform(post("/auth/refresh").cookie(new Cookie("badgeflow_refresh", "refresh-1")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"accessToken\":\"access-2\"");
        assertThat(response.getHeader("Set-Cookie")).startsWith("badgeflow_refresh=refresh-1");
    }

    @Test
    void refusesARefreshWithoutCookieOrWithARevokedOneAndDropsTheCookie() throws Exception {
        assertThat(mvc.perform(post("/auth/refresh")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        when(signIn.withRefreshToken("revoked")).thenThrow(new SignInRefusedException("Your session has ended.", null));

        var response = mvc.perform(post("/auth/refresh").cookie(new Cookie("badgeflow_refresh", "revoked")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("badgeflow_refresh=;")
                .contains("Max-Age=0");
    }

    @Test
    void logsOutByRevokingTheTokenAndClearingTheCookieEvenWhenRevokingFails() throws Exception {
        doThrow(new IllegalStateException("pool unreachable")).when(signIn).revoke("refresh-1");

        var response = mvc.perform(post("/auth/logout").cookie(new Cookie("badgeflow_refresh", "refresh-1")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(204);
        verify(signIn).revoke("refresh-1");
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("badgeflow_refresh=;")
                .contains("Max-Age=0", "Path=/auth");
    }

    @Test
    void ignoresABearerTokenOnTheAuthEndpoints() throws Exception {
        when(signIn.withPassword(any(), any())).thenReturn(new SignIn.IssuedTokens("access-1", 3600, "refresh-1"));

        var response = mvc.perform(post("/auth/login")
                        .header("Authorization", "Bearer not-a-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"password\":\"pw\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
    }
}
