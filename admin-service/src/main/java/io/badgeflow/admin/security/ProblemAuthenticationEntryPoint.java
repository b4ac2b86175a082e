package io.badgeflow.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 as problem+json: no token, or one that fails validation (the reason is not echoed in detail). When the token
 * could not be checked at all (the pool's signing keys did not load), 503 with {@code Retry-After}: the token may
 * be fine, and signing in again would not help.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemResponses.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The token could not be checked right now (the user pool's keys did not load); retry shortly.",
                    request.getRequestURI());
            return;
        }
        ProblemResponses.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "A valid Cognito access token is required (Authorization: Bearer ...).",
                request.getRequestURI());
    }
}
