package io.badgeflow.admin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
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

    /** The pool's username of the refresh cookie's owner, base64url ("demo-admin"). */
    private static final Cookie USER = new Cookie("badgeflow_user", "ZGVtby1hZG1pbg");

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
        when(signIn.hasTotp(any())).thenReturn(true);
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
        assertThat(response.getHeaders("Set-Cookie"))
                .anySatisfy(user -> assertThat(user)
                        .startsWith("badgeflow_user=ZGVtby1hZG1pbg;")
                        .contains("HttpOnly", "SameSite=Strict", "Path=/auth"));
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
        when(signIn.withRefreshToken("demo-admin", "refresh-1"))
                .thenReturn(new SignIn.IssuedTokens("access-2", 3600, null));

        var response = mvc.perform(post("/auth/refresh").cookie(new Cookie("badgeflow_refresh", "refresh-1"), USER))
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
        when(signIn.withRefreshToken("demo-admin", "revoked"))
                .thenThrow(new SignInRefusedException("Your session has ended.", null));

        var response = mvc.perform(post("/auth/refresh").cookie(new Cookie("badgeflow_refresh", "revoked"), USER))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("badgeflow_refresh=;")
                .contains("Max-Age=0");
    }

    @Test
    void refusesARefreshWithoutTheOwnersUserCookie() throws Exception {
        var response = mvc.perform(post("/auth/refresh").cookie(new Cookie("badgeflow_refresh", "refresh-1")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        verify(signIn, never()).withRefreshToken(any(), any());
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

    @Test
    void answersAnInvitedUsersPasswordWithTheNewPasswordStepAndKeepsThePoolSessionInAnHttpOnlyCookie()
            throws Exception {
        when(signIn.withPassword("new@example.com", "Temporary-1234567"))
                .thenReturn(new SignIn.Challenge(SignIn.ChallengeName.NEW_PASSWORD_REQUIRED, "pool-session-1"));

        var response = mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"new@example.com\",\"password\":\"Temporary-1234567\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("\"challenge\":\"NEW_PASSWORD_REQUIRED\"", "\"username\":\"new@example.com\"")
                .doesNotContain("pool-session-1", "accessToken");
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("badgeflow_challenge=s.pool-session-1")
                .contains("Path=/auth", "HttpOnly", "SameSite=Strict");
    }

    @Test
    void setsTheNewPasswordWithThePoolSessionFromTheCookieAndDropsTheCookieOnceSignedIn() throws Exception {
        when(signIn.newPassword("demo-admin", "pool-session-1", "A-new-password-123"))
                .thenReturn(new SignIn.IssuedTokens("access-1", 900, "refresh-1"));

        var response = mvc.perform(post("/auth/new-password")
                        .cookie(new Cookie("badgeflow_challenge", "s.pool-session-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"newPassword\":\"A-new-password-123\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"accessToken\":\"access-1\"");
        assertThat(response.getHeaders("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("badgeflow_refresh=refresh-1"))
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("badgeflow_challenge=;").contains("Max-Age=0"));
    }

    @Test
    void refusesAStepWithoutItsChallengeCookieAs401Problem() throws Exception {
        var response = mvc.perform(post("/auth/new-password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"newPassword\":\"A-new-password-123\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("expired");
        verify(signIn, never()).newPassword(any(), any(), any());
    }

    @Test
    void answersAnExpiredPoolSessionWith401AndAPolicyRefusalOrWrongCodeWith400NamingTheField() throws Exception {
        when(signIn.newPassword(any(), any(), any()))
                .thenThrow(new SignInInputException("newPassword", "Password must have symbol characters", null));
        when(signIn.totpCode("demo-admin", "pool-session-2", "123456"))
                .thenThrow(new SignInInputException("code", "The code is not right.", null));
        when(signIn.totpCode("demo-admin", "stale", "123456"))
                .thenThrow(new SignInRefusedException("This sign-in has expired.", null));

        var policy = mvc.perform(post("/auth/new-password")
                        .cookie(new Cookie("badgeflow_challenge", "s.pool-session-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"newPassword\":\"weakweakweakweak\"}"))
                .andReturn()
                .getResponse();
        var wrongCode = mvc.perform(post("/auth/mfa")
                        .cookie(new Cookie("badgeflow_challenge", "s.pool-session-2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"code\":\"123456\"}"))
                .andReturn()
                .getResponse();
        var expired = mvc.perform(post("/auth/mfa")
                        .cookie(new Cookie("badgeflow_challenge", "s.stale"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"code\":\"123456\"}"))
                .andReturn()
                .getResponse();
        var notACode = mvc.perform(post("/auth/mfa")
                        .cookie(new Cookie("badgeflow_challenge", "s.pool-session-2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"code\":\"12ab\"}"))
                .andReturn()
                .getResponse();

        assertThat(policy.getStatus()).isEqualTo(400);
        assertThat(policy.getContentAsString()).contains("\"newPassword\":\"Password must have symbol characters\"");
        assertThat(wrongCode.getStatus()).isEqualTo(400);
        assertThat(wrongCode.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(wrongCode.getContentAsString()).contains("\"code\":\"The code is not right.\"");
        // A wrong code may be corrected: the step's cookie stays.
        assertThat(wrongCode.getHeader("Set-Cookie")).isNull();
        assertThat(expired.getStatus()).isEqualTo(401);
        assertThat(expired.getHeaders("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("badgeflow_challenge=;"));
        assertThat(notACode.getStatus()).isEqualTo(400);
        assertThat(notACode.getContentAsString()).contains("\"code\"");
    }

    @Test
    void walksThePoolsMfaSetupShowingTheSecretAndItsOtpauthUriThenConfirmsWithTheFirstCode() throws Exception {
        when(signIn.withPassword("demo-admin", "pw"))
                .thenReturn(new SignIn.Challenge(SignIn.ChallengeName.MFA_SETUP, "pool-session-1"));
        when(signIn.enrolTotp("pool-session-1"))
                .thenReturn(new SignIn.TotpEnrolment("JBSWY3DPEHPK3PXP", "pool-session-2"));
        when(signIn.confirmTotp("demo-admin", "pool-session-2", "654321"))
                .thenReturn(new SignIn.IssuedTokens("access-1", 900, "refresh-1"));

        var setup = mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"password\":\"pw\"}"))
                .andReturn()
                .getResponse();
        var confirmed = mvc.perform(post("/auth/mfa-setup")
                        .cookie(new Cookie("badgeflow_challenge", "s.pool-session-2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"code\":\"654321\"}"))
                .andReturn()
                .getResponse();

        assertThat(setup.getContentAsString())
                .contains(
                        "\"challenge\":\"MFA_SETUP\"",
                        "\"secretCode\":\"JBSWY3DPEHPK3PXP\"",
                        "\"otpauthUri\":\"otpauth://totp/Badgeflow%3Ademo-admin?secret=JBSWY3DPEHPK3PXP&issuer=Badgeflow");
        assertThat(setup.getHeader("Set-Cookie")).startsWith("badgeflow_challenge=s.pool-session-2");
        assertThat(confirmed.getStatus()).isEqualTo(200);
        assertThat(confirmed.getContentAsString()).contains("\"accessToken\":\"access-1\"");
    }

    @Test
    void opensNoAdminSessionWithoutTotpButWalksTheEnrolmentKeyedByTheRefreshCookie() throws Exception {
        when(signIn.hasTotp(any())).thenReturn(false);
        when(signIn.withPassword("demo-admin", "pw")).thenReturn(new SignIn.IssuedTokens("access-1", 900, "refresh-1"));
        when(signIn.enrolTotpWithAccessToken(any())).thenReturn(new SignIn.TotpEnrolment("JBSWY3DPEHPK3PXP", null));
        when(signIn.withRefreshToken("demo-admin", "refresh-1"))
                .thenReturn(new SignIn.IssuedTokens("access-2", 900, null));

        var login = mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"password\":\"pw\"}"))
                .andReturn()
                .getResponse();
        var refreshed = mvc.perform(post("/auth/refresh").cookie(new Cookie("badgeflow_refresh", "refresh-1"), USER))
                .andReturn()
                .getResponse();

        assertThat(login.getStatus()).isEqualTo(200);
        assertThat(login.getContentAsString())
                .contains("\"challenge\":\"MFA_SETUP\"", "\"secretCode\":\"JBSWY3DPEHPK3PXP\"")
                .doesNotContain("access-1");
        assertThat(login.getHeaders("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("badgeflow_refresh=refresh-1"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("badgeflow_challenge=enrol"));
        // A refresh is no way around the enrolment.
        assertThat(refreshed.getContentAsString())
                .contains("\"challenge\":\"MFA_SETUP\"")
                .doesNotContain("access-2");

        when(signIn.hasTotp("access-2")).thenReturn(true);
        var enrolled = mvc.perform(post("/auth/mfa-setup")
                        .cookie(
                                new Cookie("badgeflow_challenge", "enrol"),
                                new Cookie("badgeflow_refresh", "refresh-1"),
                                USER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-admin\",\"code\":\"654321\"}"))
                .andReturn()
                .getResponse();

        verify(signIn).confirmTotpWithAccessToken("access-2", "654321");
        assertThat(enrolled.getStatus()).isEqualTo(200);
        assertThat(enrolled.getContentAsString()).contains("\"accessToken\":\"access-2\"");
    }

    @Test
    void asksNoEnrolmentOfOperators() throws Exception {
        when(jwtDecoder.decode("access-op"))
                .thenReturn(Jwt.withTokenValue("access-op")
                        .header("alg", "RS256")
                        .claim("username", "demo-operator")
                        .claim("cognito:groups", List.of("operator"))
                        .build());
        when(signIn.withPassword("demo-operator", "pw")).thenReturn(new SignIn.IssuedTokens("access-op", 900, "r"));

        var response = mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-operator\",\"password\":\"pw\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getContentAsString()).contains("\"accessToken\":\"access-op\"");
        verify(signIn, never()).hasTotp(any());
    }
}
