package io.badgeflow.accessstream.decision;

import io.badgeflow.model.door.Door;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Proves the door's key before a decision request is admitted (DecisionAdmission), so the bounded decision slots
 * are spent on doors only: a wrong-key or made-up-door flood is refused from the gate's bounded memory and never
 * queues in front of a real reader. Runs after the per-source rate limit.
 */
final class DoorAuthentication implements HandlerInterceptor {

    /** Runs right after the per-source limit (HIGHEST_PRECEDENCE) and before admission (the default order). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    /** The request attribute holding the authenticated {@link Door}. */
    static final String DOOR = "io.badgeflow.accessstream.decision.door";

    private final DoorGate gate;

    DoorAuthentication(DoorGate gate) {
        this.gate = gate;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var doorId = variables == null ? null : variables.get("doorId");
        if (doorId == null) {
            // OPTIONS, or a method the path does not take (405): Spring answers those itself and names no door.
            return true;
        }
        Door door = gate.admit(doorId, request.getHeader(DecisionController.DOOR_KEY_HEADER));
        request.setAttribute(DOOR, door);
        return true;
    }
}
