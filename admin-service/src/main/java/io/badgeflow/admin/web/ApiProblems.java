package io.badgeflow.admin.web;

import io.badgeflow.admin.idempotency.IdempotencyKeyReusedException;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.alarm.AlarmTransitionRefusedException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem+json. Client errors name each bad field under {@code errors}, so a form can
 * point at them; an unexpected failure says only that it happened, the details go to the log.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new TreeMap<>();
        invalid.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.merge(error.getField(), error.getDefaultMessage(), (a, b) -> a + "; " + b));
        return handleExceptionInternal(invalid, invalidFields(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Unreadable JSON; when Jackson knows which field it could not read, name it: a field the request does not
     * have, text with a control character (StrictJson), a bad date or an unknown enum.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (unreadable.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            var field = new StringBuilder();
            for (var reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            if (!field.isEmpty()) {
                var problem = switch (databind) {
                    case UnrecognizedPropertyException unknown -> "is not a field of this request";
                    case StrictJson.ControlCharacterException control -> StrictJson.ControlCharacterException.MESSAGE;
                    default -> "has a value of the wrong type or format";
                };
                return handleExceptionInternal(
                        unreadable,
                        invalidFields(Map.of(field.toString(), problem)),
                        headers,
                        HttpStatus.BAD_REQUEST,
                        request);
            }
        }
        return handleExceptionInternal(
                unreadable,
                unreadable("The request body is not readable JSON."),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    /** Every problem Spring MVC makes itself (404, 405, 406, 415, ...) gets a type and a title too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.complete(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A query or path parameter of the wrong type, such as an unknown card status. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : mismatch.getPropertyName();
        return handleExceptionInternal(
                mismatch,
                invalidFields(Map.of(String.valueOf(name), "has a value of the wrong type or format")),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException invalid) {
        var problem = invalidFields(Map.of(invalid.field(), invalid.getMessage()));
        problem.setDetail(invalid.getMessage());
        return problem;
    }

    @ExceptionHandler(AlarmTransitionRefusedException.class)
    ProblemDetail alarmTransitionRefused(AlarmTransitionRefusedException refused) {
        return Problems.of(HttpStatus.CONFLICT, "Alarm already handled", refused.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException reused) {
        return Problems.of(HttpStatus.CONFLICT, "Idempotency-Key reused", reused.getMessage());
    }

    /**
     * A multipart body the container cannot parse (a broken boundary, a truncated part): the client's fault. Too
     * large an upload is a {@code MaxUploadSizeExceededException}, answered 413 by the more specific handler.
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException unreadable) {
        return unreadable("The multipart request body could not be read.");
    }

    /**
     * A query string the container refuses to parse (a parameter without a name, as in {@code ?=}); Tomcat raises
     * it only when the parameters are first read, inside the handler.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableQuery(InvalidParameterException unreadable) {
        return unreadable("The query string could not be read: every parameter needs a name.");
    }

    /**
     * A header the security firewall refuses once it is read (a value with characters outside ISO-8859-1 printable
     * text, such as an {@code Idempotency-Key} of {@code ×ø}): the firewall checks headers lazily, inside the handler.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejectedHeader(RequestRejectedException rejected) {
        return unreadable("A request header holds characters that are not allowed.");
    }

    /**
     * Anything else is our failure: 500 without internals. Access decisions are the security filters' to answer,
     * so they pass through.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure;
        }
        LOG.error("request failed", failure);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The request could not be completed; it is safe to retry with the same Idempotency-Key.");
    }

    private static ProblemDetail unreadable(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request", detail);
    }

    private static ProblemDetail invalidFields(Map<String, String> errors) {
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "The request has invalid fields: " + String.join(", ", new TreeMap<>(errors).keySet()) + ".");
        problem.setProperty("errors", new TreeMap<>(errors));
        return problem;
    }
}
