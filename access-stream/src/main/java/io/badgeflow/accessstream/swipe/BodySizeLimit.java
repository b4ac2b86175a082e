package io.badgeflow.accessstream.swipe;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Caps a door API body at {@link #MAX_BYTES} before the JSON parser sees it: a declared Content-Length above it
 * is refused unread, before the handler is called (the interceptor), and a body without one (chunked) is read into
 * a buffer of at most that size, so a 50 MB body costs neither parsing nor memory. A swipe or decision body is
 * about 150 bytes.
 */
@ControllerAdvice
class BodySizeLimit extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {

    static final int MAX_BYTES = 4096;

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/door-api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new BodyTooLargeException();
        }
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        var body = readAtMost(message.getBody());
        var headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        var body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new BodyTooLargeException();
        }
        return body;
    }

    /** The body is larger than the door API takes; answered 413. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("the body is larger than " + MAX_BYTES + " bytes");
        }
    }
}
