package io.badgeflow.accessstream.simulator;

import java.net.URI;

/**
 * A path under a base URL that may carry a path of its own, as the local load balancer's
 * {@code http://127.0.0.1:4566/_alb/badgeflow-local} does ({@link URI#resolve} would drop it).
 */
final class BaseUrls {

    private BaseUrls() {}

    static URI under(URI base, String path) {
        var text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
