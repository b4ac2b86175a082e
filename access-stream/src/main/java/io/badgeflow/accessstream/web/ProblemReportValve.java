package io.badgeflow.accessstream.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, as an RFC 9457 problem instead of its HTML page. Tomcat answers some requests itself
 * before any servlet sees them (an encoded NUL or slash in the path, a malformed escape, an unreadable chunk); a
 * device must get the same kind of body for those as for every other refusal. Like Tomcat's own valve it writes
 * only when nothing was written yet, and never a stack trace or server name.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        var status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        var title = known == null ? null : known.getReasonPhrase();
        var body = "{\"type\":\"about:blank\",\"title\":\"" + (title == null ? "Error" : title) + "\",\"status\":"
                + status + ",\"detail\":\"" + detail(status) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response could not be written: nothing left to tell anyone.
        }
    }

    private static String detail(int status) {
        return status == 400
                ? "The request could not be read (for example an encoded NUL, slash or backslash in the path, or a"
                        + " malformed escape)."
                : "The request was refused before it reached the door API.";
    }
}
