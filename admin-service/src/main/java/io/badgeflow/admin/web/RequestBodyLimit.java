package io.badgeflow.admin.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A size cap on every request body, answered 413 problem+json before anything parses it: by {@code Content-Length}
 * when it is sent, otherwise (a chunked body) by reading at most one byte more than the cap. A body within the cap
 * is kept in memory and handed on, so nothing downstream can read past it. First in the chain, so an oversized
 * body costs no token check either. The import upload is left to its own, larger limit ({@code
 * badgeflow.admin-service.max-import-size}, see ImportUploadConfiguration).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

    /** Commands are a few fields: far below this, even with every field at its longest. */
    static final DataSize API_LIMIT = DataSize.ofKilobytes(16);

    /** A username and a password (or nothing at all). */
    static final DataSize AUTH_LIMIT = DataSize.ofKilobytes(4);

    static final String IMPORT_UPLOAD = "/api/v1/imports";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && IMPORT_UPLOAD.equals(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        var limit = limitOf(request).toBytes();
        var declared = request.getContentLengthLong();
        var chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        var body = request.getInputStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    static DataSize limitOf(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/auth/") ? AUTH_LIMIT : API_LIMIT;
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        // The rest of the body is not read: the connection closes rather than drain a body of any size.
        response.setHeader("Connection", "close");
        var problem = Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "The request body is larger than this endpoint accepts (" + limit + " bytes).");
        problem.setProperty("limit", limit);
        Problems.write(response, problem);
    }

    /** The request with its body read already: every read is served from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
