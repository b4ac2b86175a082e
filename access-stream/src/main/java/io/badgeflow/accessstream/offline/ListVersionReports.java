package io.badgeflow.accessstream.offline;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Hears the allow-list version a door sends with every door API request ({@code X-Allow-List-Version}) and records
 * it once the request succeeded: only then had the door proven itself with its key, so nobody else can claim a
 * version for it. No handler of the door API has to know.
 */
final class ListVersionReports implements HandlerInterceptor {

    static final String HEADER = "X-Allow-List-Version";

    private final DoorListReports reports;

    ListVersionReports(DoorListReports reports) {
        this.reports = reports;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        var header = request.getHeader(HEADER);
        if (e != null || response.getStatus() >= 300 || header == null || !header.matches("[0-9]{1,18}")) {
            return;
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("doorId") instanceof String doorId) {
            reports.reported(doorId, Long.parseLong(header));
        }
    }
}
