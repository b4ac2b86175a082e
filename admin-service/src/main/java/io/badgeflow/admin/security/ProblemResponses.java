package io.badgeflow.admin.security;

import io.badgeflow.admin.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** Writes a problem+json body from the security filters, which run before Spring MVC's error handling. */
final class ProblemResponses {

    private ProblemResponses() {}

    static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
            throws IOException {
        var problem = Problems.of(status, status.getReasonPhrase(), detail);
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                // A path the firewall let through may still be no URI reference: leave instance out.
            }
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Problems.write(response, problem);
    }
}
