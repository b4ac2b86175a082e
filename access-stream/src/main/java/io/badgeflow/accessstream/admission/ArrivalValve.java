package io.badgeflow.accessstream.admission;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Hands on when Tomcat began to read the request (its first byte), which only the connector knows: a reader's
 * deadline counts from there, so the time a request spent before the servlet (parsing, a busy worker pool) is
 * spent from its budget, not hidden from it.
 */
final class ArrivalValve extends ValveBase {

    /** {@link System#nanoTime()} when the request's first byte was read, a {@code Long}. */
    static final String ARRIVED_NANOS = ArrivalValve.class.getName() + ".arrivedNanos";

    ArrivalValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        var started = request.getCoyoteRequest().getStartTimeNanos();
        if (started > 0) {
            request.setAttribute(ARRIVED_NANOS, started);
        }
        getNext().invoke(request, response);
    }
}
