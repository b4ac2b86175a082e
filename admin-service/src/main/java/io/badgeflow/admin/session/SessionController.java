package io.badgeflow.admin.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.badgeflow.admin.AdminServiceProperties;
import io.badgeflow.admin.session.SignIn.Challenge;
import io.badgeflow.admin.session.SignIn.ChallengeName;
import io.badgeflow.admin.session.SignIn.IssuedTokens;
import io.badgeflow.admin.session.SignIn.SignInStep;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.WebUtils;

/**
 * Sign-in for the back-office UI, so the browser talks to admin-service only (same origin, no CORS): the access
 * token goes to the page, which keeps it in memory; the refresh token goes into an HttpOnly, SameSite=Strict cookie
 * scoped to {@code /auth}, which no script can read and no other site can send.
 *
 * <p>A sign-in may take steps: the pool answers a password with a challenge (a new password for an invited user,
 * a TOTP code), and an admin without TOTP is walked through enrolment first ({@link AdminMfaRule}). Each step's
 * answer says which challenge is next; the pool's session for it travels in a second HttpOnly cookie
 * ({@value #CHALLENGE_COOKIE}), never in a body a script could read or a log line.
 *
 * <p>These endpoints are public by nature (they are how a caller gets a token) and are therefore
 * {@code permitAll()}, limited per source ({@link SignInRateLimit}); what they hand out is decided by the user
 * pool. Cross-site requests are no risk: they accept JSON only (a cross-site form cannot send it without a CORS
 * preflight, which is refused), and the cookies are sent only from our own pages.
 */
@RestController
@RequestMapping("/auth")
class SessionController {

    static final String REFRESH_COOKIE = "badgeflow_refresh";
    static final String CHALLENGE_COOKIE = "badgeflow_challenge";
    /**
     * Beside the refresh cookie: the pool's username of its owner (base64url), which the SECRET_HASH of a refresh
     * is computed over (the app client is confidential). Not a credential: a wrong one only makes the pool refuse.
     */
    static final String USER_COOKIE = "badgeflow_user";

    /** The challenge cookie when the service (not the pool) asks for enrolment: the refresh cookie is the key. */
    private static final String ENROLMENT = "enrol";
    /** The challenge cookie holding a pool session: this prefix, then the session. */
    private static final String POOL_SESSION = "s.";
    /** Longer than the pool's challenge sessions (3 minutes by default): the pool's own expiry decides. */
    private static final long CHALLENGE_MAX_AGE = 900;

    /** What a Cognito refresh token or session is made of (base64/base64url parts and dots), with room to spare. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9._~+/=-]{1,8192}");

    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    private final SignIn signIn;
    private final JwtDecoder jwtDecoder;
    private final AdminMfaRule mfaRule;
    private final boolean secureCookie;
    private final SsoProperties sso;

    SessionController(SignIn signIn, JwtDecoder jwtDecoder, AdminServiceProperties properties, SsoProperties sso) {
        this.sso = sso;
        this.signIn = signIn;
        this.jwtDecoder = jwtDecoder;
        this.mfaRule = new AdminMfaRule(properties);
        this.secureCookie = properties.session().secureCookie();
    }

    record LoginRequest(
            @NotBlank
            @Size(max = 128)
            @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
            String username,

            @NotBlank
            @Size(max = 256)
            @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
            String password) {}

    /**
     * The new password an invited user chooses. The pool's policy decides what it accepts; its length (the pool's
     * {@code MinimumLength}, identity.yaml) is checked here first, so a short one is named at once everywhere.
     */
    record NewPasswordRequest(
            @NotBlank
            @Size(max = 128)
            @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
            String username,

            @NotBlank
            @Size(min = 14, max = 256, message = "must be 14 to 256 characters")
            @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
            String newPassword) {}

    /** A code of the user's authenticator app: six digits (RFC 6238 as the pool uses it). */
    record CodeRequest(
            @NotBlank
            @Size(max = 128)
            @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
            String username,

            @NotBlank @Pattern(regexp = "^[0-9]{6}$", message = "must be the 6 digits your authenticator app shows")
            String code) {}

    /**
     * What the page is told. Signed in: the access token, its life, and who the user is, read from the verified
     * token. A step left: {@code challenge} names it ({@code NEW_PASSWORD_REQUIRED}, {@code MFA_SETUP},
     * {@code SOFTWARE_TOKEN_MFA}) with the username to answer it for, and for {@code MFA_SETUP} the new TOTP secret
     * (base32) and its {@code otpauth://} URI, which the page shows as a QR code: the user's own secret, shown once.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionView(
            String accessToken,
            Integer expiresIn,
            String username,
            List<String> groups,
            String challenge,
            String secretCode,
            String otpauthUri) {

        static SessionView signedIn(String accessToken, int expiresIn, String username, List<String> groups) {
            return new SessionView(accessToken, expiresIn, username, groups, null, null, null);
        }

        static SessionView step(ChallengeName challenge, String username) {
            return new SessionView(null, null, username, null, challenge.name(), null, null);
        }

        static SessionView enrolment(String username, String secret) {
            var issuer = "Badgeflow";
            var label = URLEncoder.encode(issuer + ":" + username, StandardCharsets.UTF_8)
                    .replace("+", "%20");
            var uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + issuer
                    + "&algorithm=SHA1&digits=6&period=30";
            return new SessionView(null, null, username, null, ChallengeName.MFA_SETUP.name(), secret, uri);
        }

        @Override
        public String toString() {
            return "SessionView[" + username + ", " + (challenge != null ? challenge : "signed in") + "]";
        }
    }

    // Public: this is how a caller without a token gets one.
    @PreAuthorize("permitAll()")
    @PostMapping("/login")
    ResponseEntity<SessionView> login(@Valid @RequestBody LoginRequest request) {
        return answer(signIn.withPassword(request.username(), request.password()), request.username(), null);
    }

    // Public: answers NEW_PASSWORD_REQUIRED; the challenge cookie is the credential, checked by the user pool.
    @PreAuthorize("permitAll()")
    @PostMapping("/new-password")
    ResponseEntity<SessionView> newPassword(@Valid @RequestBody NewPasswordRequest request, HttpServletRequest http) {
        var session = poolSession(http);
        return answer(signIn.newPassword(request.username(), session, request.newPassword()), request.username(), null);
    }

    // Public: answers SOFTWARE_TOKEN_MFA; the challenge cookie is the credential, checked by the user pool.
    @PreAuthorize("permitAll()")
    @PostMapping("/mfa")
    ResponseEntity<SessionView> mfa(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        var session = poolSession(http);
        return answer(signIn.totpCode(request.username(), session, request.code()), request.username(), null);
    }

    // Public: finishes MFA_SETUP with the first code of the new secret; the challenge cookie (a pool session, or
    // the refresh cookie when this service asked for the enrolment) is the credential.
    @PreAuthorize("permitAll()")
    @PostMapping("/mfa-setup")
    ResponseEntity<SessionView> mfaSetup(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        var challenge = cookie(http, CHALLENGE_COOKIE);
        if (ENROLMENT.equals(challenge)) {
            var refreshToken = cookie(http, REFRESH_COOKIE);
            var owner = owner(http);
            if (refreshToken == null || owner == null) {
                throw new SignInRefusedException(ChallengeExpired.MESSAGE, null);
            }
            var tokens = signIn.withRefreshToken(owner, refreshToken);
            signIn.confirmTotpWithAccessToken(tokens.accessToken(), request.code());
            return answer(tokens, request.username(), refreshToken);
        }
        var session = poolSession(http);
        return answer(signIn.confirmTotp(request.username(), session, request.code()), request.username(), null);
    }

    // Public: the refresh cookie is the credential here, checked by the user pool.
    @PreAuthorize("permitAll()")
    @PostMapping("/refresh")
    ResponseEntity<SessionView> refresh(HttpServletRequest request) {
        var refreshToken = cookie(request, REFRESH_COOKIE);
        var owner = owner(request);
        if (refreshToken == null || owner == null) {
            throw new SignInRefusedException("Not signed in.", null);
        }
        return answer(signIn.withRefreshToken(owner, refreshToken), null, refreshToken);
    }

    // Public: ending a session needs no more than the cookie it ends; without one it changes nothing.
    @PreAuthorize("permitAll()")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        var refreshToken = cookie(request, REFRESH_COOKIE);
        if (refreshToken != null) {
            try {
                signIn.revoke(refreshToken);
            } catch (RuntimeException failure) {
                // The cookie is cleared anyway; the token still expires on its own.
                LOG.warn(
                        "could not revoke a refresh token at logout: {}",
                        failure.getClass().getSimpleName());
            }
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, refreshCookie("", 0).toString())
                .header(HttpHeaders.SET_COOKIE, challengeCookie("", 0).toString())
                .header(HttpHeaders.SET_COOKIE, cookie(USER_COOKIE, "", 0).toString())
                .build();
    }

    /** The pool session of the step being answered, from the challenge cookie. */
    private static String poolSession(HttpServletRequest request) {
        var challenge = cookie(request, CHALLENGE_COOKIE);
        if (challenge == null || !challenge.startsWith(POOL_SESSION) || challenge.length() == POOL_SESSION.length()) {
            throw new SignInRefusedException(ChallengeExpired.MESSAGE, null);
        }
        return challenge.substring(POOL_SESSION.length());
    }

    /** The pool's username of the refresh cookie's owner, from the user cookie; null when absent or malformed. */
    private static String owner(HttpServletRequest request) {
        var value = cookie(request, USER_COOKIE);
        if (value == null) {
            return null;
        }
        try {
            var owner = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            return owner.isBlank() ? null : owner;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * A cookie as sent, not URL-decoded (a token never needs decoding, and a stray {@code %} must not fail the
     * request); a value that cannot be a token or session counts as no cookie.
     */
    private static String cookie(HttpServletRequest request, String name) {
        var cookie = WebUtils.getCookie(request, name);
        if (cookie == null || cookie.getValue() == null) {
            return null;
        }
        var value = cookie.getValue();
        return TOKEN.matcher(value).matches() ? value : null;
    }

    @ExceptionHandler(SignInRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SignInRefusedException refused) {
        var problem = Problems.of(HttpStatus.UNAUTHORIZED, "Not signed in", refused.getMessage());
        // A refused refresh token or challenge is of no further use: drop both.
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.SET_COOKIE, refreshCookie("", 0).toString())
                .header(HttpHeaders.SET_COOKIE, challengeCookie("", 0).toString())
                .header(HttpHeaders.SET_COOKIE, cookie(USER_COOKIE, "", 0).toString())
                .body(problem);
    }

    /** A wrong code or a refused new password: the same step can be tried again, so the cookies stay. */
    @ExceptionHandler(SignInInputException.class)
    ProblemDetail wrongAnswer(SignInInputException wrong) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "Bad Request", wrong.getMessage());
        problem.setProperty("errors", Map.of(wrong.field(), wrong.getMessage()));
        return problem;
    }

    @ExceptionHandler(SignInRateLimitedException.class)
    ResponseEntity<ProblemDetail> tooMany(SignInRateLimitedException limited) {
        var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", limited.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                .body(problem);
    }

    private ResponseEntity<SessionView> answer(SignInStep step, String username, String currentRefreshToken) {
        var response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (step instanceof Challenge challenge) {
            var session = challenge.session();
            SessionView view;
            if (challenge.name() == ChallengeName.MFA_SETUP) {
                var enrolment = signIn.enrolTotp(session);
                session = enrolment.session() != null ? enrolment.session() : session;
                view = SessionView.enrolment(username, enrolment.secret());
            } else {
                view = SessionView.step(challenge.name(), username);
            }
            return response.header(
                            HttpHeaders.SET_COOKIE,
                            challengeCookie(POOL_SESSION + session, CHALLENGE_MAX_AGE)
                                    .toString())
                    .body(view);
        }
        var tokens = (IssuedTokens) step;
        var jwt = jwtDecoder.decode(tokens.accessToken());
        var groups = jwt.getClaimAsStringList("cognito:groups");
        groups = groups == null ? List.of() : groups;
        var name = jwt.getClaimAsString("username");
        var refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : currentRefreshToken;
        if (refreshToken != null) {
            response.header(
                            HttpHeaders.SET_COOKIE,
                            refreshCookie(refreshToken, -1).toString())
                    .header(
                            HttpHeaders.SET_COOKIE,
                            cookie(USER_COOKIE, userCookieValue(name), -1).toString());
        }
        // A federated admin's MFA is the identity provider's; the pool's own admins enrol here.
        if (mfaRule.appliesTo(name, groups) && !sso.isFederated(name) && !signIn.hasTotp(tokens.accessToken())) {
            // No admin session without TOTP: enrol now. The refresh cookie (set above) keys the enrolment; a
            // refresh meanwhile lands here again, so no session opens by that way either.
            var enrolment = signIn.enrolTotpWithAccessToken(tokens.accessToken());
            return response.header(
                            HttpHeaders.SET_COOKIE,
                            challengeCookie(ENROLMENT, CHALLENGE_MAX_AGE).toString())
                    .body(SessionView.enrolment(name, enrolment.secret()));
        }
        return response.header(HttpHeaders.SET_COOKIE, challengeCookie("", 0).toString())
                .body(SessionView.signedIn(tokens.accessToken(), tokens.expiresIn(), name, groups));
    }

    static String userCookieValue(String username) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8));
    }

    /** A session cookie ({@code maxAge} -1) or a deletion ({@code maxAge} 0). */
    private ResponseCookie refreshCookie(String value, long maxAge) {
        return cookie(REFRESH_COOKIE, value, maxAge);
    }

    private ResponseCookie challengeCookie(String value, long maxAge) {
        return cookie(CHALLENGE_COOKIE, value, maxAge);
    }

    private ResponseCookie cookie(String name, String value, long maxAge) {
        return authCookie(name, value, maxAge, secureCookie);
    }

    /** A cookie of the session: HttpOnly, SameSite=Strict, on {@code /auth} only. */
    static ResponseCookie authCookie(String name, String value, long maxAge, boolean secureCookie) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite("Strict")
                .path("/auth")
                .maxAge(maxAge)
                .build();
    }

    /** The one message for a step whose session is missing, expired or already used. */
    private static final class ChallengeExpired {
        static final String MESSAGE = "This sign-in has expired or was already completed. Sign in again.";

        private ChallengeExpired() {}
    }
}
