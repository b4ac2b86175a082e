package io.badgeflow.admin.web;

import io.badgeflow.admin.AdminServiceProperties;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Believes X-Forwarded-Proto and X-Forwarded-For from the load balancer only. On AWS TLS ends at the load balancer,
 * so without this every request looks like plain http and Spring Security never sends Strict-Transport-Security
 * (it does so on secure requests only). Tomcat's RemoteIpValve, with {@code internalProxies} as CIDRs
 * ({@code badgeflow.admin-service.trusted-proxies}), makes a request from such a peer secure when it says https and
 * takes the client's address from the right of X-Forwarded-For (the entry the load balancer appended; entries the
 * client wrote further left are not read while a non-proxy address comes first), as access-stream's per-source
 * limit does. From any other peer every forwarded header is ignored. X-Forwarded-Host is never read: the load
 * balancer passes a client's own through. Without trusted proxies no valve is added and nothing changes. The address it finds is also the source the
 * {@code /auth/*} limit counts (SignInRateLimit).
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final List<String> cidrs;

    TrustedProxies(AdminServiceProperties properties) {
        this.cidrs = cidrs(properties.trustedProxies());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (cidrs.isEmpty()) {
            return;
        }
        var valve = new RemoteIpValve();
        // With a '/' in it Tomcat reads the list as CIDRs (NetMaskSet), not as a regular expression.
        valve.setInternalProxies(String.join(",", cidrs));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setProtocolHeaderHttpsValue("https");
        valve.setPortHeader("X-Forwarded-Port");
        valve.setHostHeader(null);
        factory.addEngineValves(valve);
    }

    /** Each entry as a CIDR (a bare address is one host); an entry that is neither fails the start-up, naming it. */
    static List<String> cidrs(List<String> entries) {
        var cidrs = new ArrayList<String>();
        for (var entry : entries) {
            var value = entry.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.indexOf('/') < 0) {
                value = value + (value.indexOf(':') >= 0 ? "/128" : "/32");
            }
            try {
                new NetMask(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "badgeflow.admin-service.trusted-proxies: " + entry + " is no address or CIDR", e);
            }
            cidrs.add(value);
        }
        return List.copyOf(cidrs);
    }
}
