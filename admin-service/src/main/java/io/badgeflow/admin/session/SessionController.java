package io.badgeflow.admin.session;

import io.badgeflow.admin.AdminServiceProperties;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
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
 * <p>These endpoints are public by nature (they are how a caller gets a token) and are therefore
 * {@code permitAll()}; what they hand out is decided by the user pool. Cross-site requests are no risk: login
 * accepts JSON only (a cross-site form cannot send it without a CORS preflight, which is refused), and refresh and
 * logout depend on a cookie the browser sends only from our own pages.
 */
@RestController
@RequestMapping("/auth")
class SessionController {

    static final String REFRESH_COOKIE = "badgeflow_refresh";

    /** What a Cognito refresh token is made of (a JWE: base64url parts and dots), with room to spare. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9._~+/=-]{1,8192}");

    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    private final SignIn signIn;
    private final JwtDecoder jwtDecoder;
    private final boolean secureCookie;

    SessionController(SignIn signIn, JwtDecoder jwtDecoder, AdminServiceProperties properties) {
        this.signIn = signIn;
        this.jwtDecoder = jwtDecoder;
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

    /** What the page is told: the access token, its life, and who the user is, read from the verified token. */
    record SessionView(String accessToken, int expiresIn, String username, List<String> groups) {}

    // Public: this is how a caller without a token gets one.
    @PreAuthorize("permitAll()")
    @PostMapping("/login")
    ResponseEntity<SessionView> login(@Valid @RequestBody LoginRequest request) {
        return answer(signIn.withPassword(request.username(), request.password()), null);
    }

    // Public: the refresh cookie is the credential here, checked by the user pool.
    @PreAuthorize("permitAll()")
    @PostMapping("/refresh")
    ResponseEntity<SessionView> refresh(HttpServletRequest request) {
        var refreshToken = refreshToken(request);
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new SignInRefusedException("Not signed in.", null);
        }
        return answer(signIn.withRefreshToken(refreshToken), refreshToken);
    }

    // Public: ending a session needs no more than the cookie it ends; without one it changes nothing.
    @PreAuthorize("permitAll()")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        var refreshToken = refreshToken(request);
        if (refreshToken != null && !refreshToken.isBlank()) {
            try {
                signIn.revoke(refreshToken);
            } catch (RuntimeException failure) {
                // The cookie is cleared anyway; the token still expires on its own.
                LOG.warn("could not revoke a refresh token at logout: {}", failure.toString());
            }
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", 0).toString())
                .build();
    }

    /**
     * The refresh cookie as sent, not URL-decoded (a token never needs decoding, and a stray {@code %} must not
     * fail the request); a value that cannot be a token counts as no cookie.
     */
    private static String refreshToken(HttpServletRequest request) {
        var cookie = WebUtils.getCookie(request, REFRESH_COOKIE);
        if (cookie == null || cookie.getValue() == null) {
            return null;
        }
        var value = cookie.getValue();
        return TOKEN.matcher(value).matches() ? value : null;
    }

    @ExceptionHandler(SignInRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SignInRefusedException refused) {
        var problem = Problems.of(HttpStatus.UNAUTHORIZED, "Not signed in", refused.getMessage());
        // A refused refresh token is of no further use: drop it.
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.SET_COOKIE, cookie("", 0).toString())
                .body(problem);
    }

    private ResponseEntity<SessionView> answer(SignIn.IssuedTokens tokens, String currentRefreshToken) {
        var jwt = jwtDecoder.decode(tokens.accessToken());
        var groups = jwt.getClaimAsStringList("cognito:groups");
        var view = new SessionView(
                tokens.accessToken(),
                tokens.expiresIn(),
                jwt.getClaimAsString("username"),
                groups == null ? List.of() : groups);
        var refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : currentRefreshToken;
        var response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (refreshToken != null) {
            response.header(HttpHeaders.SET_COOKIE, cookie(refreshToken, -1).toString());
        }
        return response.body(view);
    }

    /** A session cookie ({@code maxAge} -1) or a deletion ({@code maxAge} 0). */
    private ResponseCookie cookie(String value, long maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite("Strict")
                .path("/auth")
                .maxAge(maxAge)
                .build();
    }
}
