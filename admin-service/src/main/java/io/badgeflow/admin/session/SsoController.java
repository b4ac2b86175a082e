package io.badgeflow.admin.session;

import io.badgeflow.admin.AdminServiceProperties;
import io.badgeflow.admin.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.WebUtils;

/**
 * Sign-in through a federated identity provider, by the pool's hosted sign-in (authorization code with PKCE): a
 * redirect to the pool's {@code /oauth2/authorize} naming the provider, and the callback that exchanges the code
 * (with the app client's secret) and opens the same session as a password sign-in: the refresh and user cookies,
 * then the UI, whose start-up refresh picks the session up. State and verifier travel in an HttpOnly cookie on
 * {@code /auth}, SameSite=Lax so that it comes back with the provider's top-level redirect (Strict would not).
 * A federated admin's MFA is the provider's: the service's MFA-for-admins rule is for the pool's own users.
 */
@RestController
@RequestMapping("/auth")
class SsoController {

    static final String SSO_COOKIE = "badgeflow_sso";
    private static final long SSO_MAX_AGE = 600;
    private static final Pattern COOKIE = Pattern.compile("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final String EXPIRED = "This single sign-on has expired or did not start here. Sign in again.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SsoProperties sso;
    private final HostedSignIn hostedSignIn;
    private final JwtDecoder jwtDecoder;
    private final String clientId;
    private final boolean secureCookie;

    SsoController(
            SsoProperties sso,
            HostedSignIn hostedSignIn,
            JwtDecoder jwtDecoder,
            io.badgeflow.admin.AdminServiceStack stack,
            AdminServiceProperties properties) {
        this.sso = sso;
        this.hostedSignIn = hostedSignIn;
        this.jwtDecoder = jwtDecoder;
        this.clientId = stack.userPoolClientId();
        this.secureCookie = properties.session().secureCookie();
    }

    record Providers(List<String> providers) {}

    // Public: what the sign-in page offers before anyone is signed in.
    @PreAuthorize("permitAll()")
    @GetMapping("/providers")
    Providers providers() {
        return new Providers(sso.offered());
    }

    // Public: the start of a federated sign-in; nothing is granted until the callback's code is exchanged.
    @PreAuthorize("permitAll()")
    @GetMapping("/sso/{provider}")
    ResponseEntity<Void> start(@PathVariable String provider) {
        if (!sso.offered().contains(provider)) {
            throw new UnknownProviderException();
        }
        var state = random();
        var verifier = random();
        var query = Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        clientId,
                        "redirect_uri",
                        sso.callbackUrl().toString(),
                        "identity_provider",
                        provider,
                        "scope",
                        "openid email profile",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256")
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var authorize = URI.create(sso.hostedSignInUrl().resolve("/oauth2/authorize") + "?" + query);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(authorize)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.SET_COOKIE,
                        ssoCookie(state + "." + verifier, SSO_MAX_AGE).toString())
                .build();
    }

    // Public: the pool's hosted sign-in returns here; the state cookie and the code (exchanged with the client's
    // secret and the PKCE verifier) are the credentials.
    @PreAuthorize("permitAll()")
    @GetMapping("/sso/callback")
    ResponseEntity<Void> callback(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            HttpServletRequest request) {
        if (error != null) {
            // The provider's error code only (its description is the provider's text, not ours to echo).
            var named = ERROR_CODE.matcher(error).matches() ? error : "error";
            throw new SsoStepException("The identity provider did not sign you in (" + named + "). Sign in again.");
        }
        var cookie = WebUtils.getCookie(request, SSO_COOKIE);
        if (cookie == null
                || cookie.getValue() == null
                || !COOKIE.matcher(cookie.getValue()).matches()) {
            throw new SsoStepException(EXPIRED);
        }
        var parts = cookie.getValue().split("\\.");
        if (state == null
                || !MessageDigest.isEqual(
                        parts[0].getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.UTF_8))) {
            throw new SsoStepException(EXPIRED);
        }
        if (code == null || code.isBlank() || code.length() > 2048) {
            throw new SsoStepException("The sign-in came back without a code. Sign in again.");
        }
        var tokens = hostedSignIn.exchange(code, parts[1], sso.callbackUrl());
        var username = jwtDecoder.decode(tokens.accessToken()).getClaimAsString("username");
        var response = ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.SET_COOKIE, ssoCookie("", 0).toString());
        if (tokens.refreshToken() != null && username != null) {
            response.header(
                            HttpHeaders.SET_COOKIE,
                            SessionController.authCookie(
                                            SessionController.REFRESH_COOKIE, tokens.refreshToken(), -1, secureCookie)
                                    .toString())
                    .header(
                            HttpHeaders.SET_COOKIE,
                            SessionController.authCookie(
                                            SessionController.USER_COOKIE,
                                            SessionController.userCookieValue(username),
                                            -1,
                                            secureCookie)
                                    .toString());
        }
        return response.build();
    }

    @ExceptionHandler(UnknownProviderException.class)
    ProblemDetail unknownProvider() {
        return Problems.of(HttpStatus.NOT_FOUND, "Not Found", "No such sign-in provider.");
    }

    @ExceptionHandler(SsoStepException.class)
    ResponseEntity<ProblemDetail> badStep(SsoStepException bad) {
        return ResponseEntity.badRequest()
                .header(HttpHeaders.SET_COOKIE, ssoCookie("", 0).toString())
                .body(Problems.of(HttpStatus.BAD_REQUEST, "Bad Request", bad.getMessage()));
    }

    @ExceptionHandler(SignInRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SignInRefusedException refused) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.SET_COOKIE, ssoCookie("", 0).toString())
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "Not signed in", refused.getMessage()));
    }

    private ResponseCookie ssoCookie(String value, long maxAge) {
        return ResponseCookie.from(SSO_COOKIE, value)
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite("Lax")
                .path("/auth")
                .maxAge(maxAge)
                .build();
    }

    /** 32 random bytes, base64url without padding (43 characters): a state, or a PKCE verifier (RFC 7636). */
    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 S256: base64url(SHA-256(verifier)). */
    static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is part of every JDK", unavailable);
        }
    }

    private static final class UnknownProviderException extends RuntimeException {
        UnknownProviderException() {
            super("unknown provider", null, false, false);
        }
    }

    private static final class SsoStepException extends RuntimeException {
        SsoStepException(String message) {
            super(message, null, false, false);
        }
    }
}
