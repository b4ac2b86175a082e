package io.badgeflow.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 400 as problem+json for a path the security firewall refuses ({@code ..}, {@code //}, {@code ;}, an encoded
 * {@code /} or {@code %}): answered at once, before any token is looked at, so a caller with a valid token is never
 * told 401 for a malformed path. The refused path is not echoed.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemResponses.write(
                response,
                HttpStatus.BAD_REQUEST,
                "The request path is not acceptable: no '..', '//', ';', encoded '/' or '%', or control characters.",
                null);
    }
}
