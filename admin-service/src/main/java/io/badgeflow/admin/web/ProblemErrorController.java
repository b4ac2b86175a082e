package io.badgeflow.admin.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error page ({@code /error}) answers, instead of Spring Boot's JSON map or an HTML
 * page: problem+json with the status the container chose. It serves what fails before or outside Spring MVC, such
 * as a request the container or the security firewall refuses.
 */
@RestController
@Hidden // the container's, not the API's: no operation of the OpenAPI document
class ProblemErrorController implements ErrorController {

    // Public: it only tells a refused request its status, and a refused request may carry no token at all.
    @PreAuthorize("permitAll()")
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        var problem = Problems.of(status, status.getReasonPhrase(), detailOf(status));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read (its path, query or headers).";
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not answer this method.";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            default ->
                status.is5xxServerError()
                        ? "The request could not be completed."
                        : "The request was refused: " + status.getReasonPhrase() + ".";
        };
    }
}
