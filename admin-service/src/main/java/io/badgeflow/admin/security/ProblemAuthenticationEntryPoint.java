package io.badgeflow.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 as problem+json: no token, or one that fails validation (the reason is not echoed in detail). */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemResponses.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "A valid Cognito access token is required (Authorization: Bearer ...).",
                request.getRequestURI());
    }
}
