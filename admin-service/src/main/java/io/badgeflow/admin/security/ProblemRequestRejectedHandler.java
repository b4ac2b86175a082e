package io.badgeflow.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 400 as problem+json for a path the security firewall refuses ({@code ..}, {@code //}, {@code ;}, an encoded
 * {@code /} or {@code %}) or method (405): answered at once, before any token is looked at, so a caller with a valid token is never
 * told 401 for a malformed path. The refused path is not echoed.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    /** The methods the firewall lets through; any other one is refused by it before routing could say 405. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            ProblemResponses.write(response, HttpStatus.METHOD_NOT_ALLOWED, "No endpoint answers this method.", null);
            return;
        }
        ProblemResponses.write(
                response,
                HttpStatus.BAD_REQUEST,
                "The request path is not acceptable: no '..', '//', ';', encoded '/' or '%', or control characters.",
                null);
    }
}
