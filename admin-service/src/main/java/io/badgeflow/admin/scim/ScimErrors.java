package io.badgeflow.admin.scim;

import io.badgeflow.model.InvalidFieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a SCIM endpoint answers, in SCIM's shape rather than problem+json: SCIM clients read {@code scimType}
 * and {@code status} (a string) from {@code urn:ietf:params:scim:api:messages:2.0:Error}. Ordered before the API's
 * own advice and limited to this package, so the rest of the API keeps answering problem+json.
 */
@RestControllerAdvice(basePackageClasses = ScimErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScimErrors {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final Logger LOG = LoggerFactory.getLogger(ScimErrors.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<Map<String, Object>> scim(ScimException failure) {
        return answer(failure.status(), failure.scimType(), failure.getMessage());
    }

    /** The domain's own checks (a command's compact constructor, a page size): the value is the client's. */
    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Map<String, Object>> invalidField(InvalidFieldException invalid) {
        return answer(HttpStatus.BAD_REQUEST, "invalidValue", invalid.field() + ": " + invalid.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException unreadable) {
        return answer(HttpStatus.BAD_REQUEST, "invalidSyntax", "The request body is not a JSON object.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException unsupported) {
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                null,
                "The body must be application/scim+json (or application/json).");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        return answer(HttpStatus.BAD_REQUEST, "invalidValue", mismatch.getName() + " has a value of the wrong type.");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException missing) {
        return answer(HttpStatus.BAD_REQUEST, null, "The header " + missing.getHeaderName() + " is required.");
    }

    /** Our failure: 500 without internals, still in SCIM's shape. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException failure) {
        if (failure instanceof org.springframework.security.access.AccessDeniedException
                || failure instanceof org.springframework.security.core.AuthenticationException) {
            throw failure;
        }
        LOG.error("SCIM request failed", failure);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, null, "The request could not be completed.");
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(ScimMedia.TYPE).body(body(status, scimType, detail));
    }

    static Map<String, Object> body(HttpStatus status, String scimType, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("schemas", List.of(ERROR_SCHEMA));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        body.put("status", Integer.toString(status.value()));
        return body;
    }

    /** For the security filters, which answer before Spring MVC. */
    public static void write(HttpServletResponse response, HttpStatus status, String scimType, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(ScimMedia.TYPE_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JsonMapper.shared().writeValueAsString(body(status, scimType, detail)));
    }
}
