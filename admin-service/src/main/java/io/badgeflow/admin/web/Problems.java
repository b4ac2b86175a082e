package io.badgeflow.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error answer: RFC 9457 problem details whose {@code type} is always a string, so a client
 * (and the OpenAPI document) can rely on it. No finer problem types are defined: the status and the title say what
 * went wrong, {@code errors} names the fields.
 */
public final class Problems {

    /** RFC 9457, section 4.2.1: the problem has no semantics beyond its status code. */
    public static final URI TYPE = URI.create("about:blank");

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE);
        problem.setTitle(title);
        return problem;
    }

    /** Sets the type and, if missing, the status's reason phrase as title on a problem made elsewhere. */
    public static ProblemDetail complete(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(TYPE);
        }
        if (problem.getTitle() == null) {
            var status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status == null ? "Error" : status.getReasonPhrase());
        }
        return problem;
    }

    /**
     * Writes a problem where Spring MVC does not (the security filters, the body limit): the same fields its
     * converter writes, extension properties at the top level, nothing null.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonMapper.shared().writeValue(response.getOutputStream(), body(problem));
    }

    /** The problem as its JSON object. */
    static Map<String, Object> body(ProblemDetail problem) {
        complete(problem);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(body::putIfAbsent);
        }
        return body;
    }
}
