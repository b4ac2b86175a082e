package io.badgeflow.admin.session;

import jakarta.servlet.http.HttpServletRequest;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.util.NetMaskSet;

/**
 * Who sent a request, for the sign-in limit; the same rule as access-stream's door API. From a peer in
 * {@code sign-in.trusted-proxies} (the load balancer) it is the right-most X-Forwarded-For entry: the address that
 * load balancer saw and appended itself, so a client cannot choose it. From any other peer it is the peer,
 * whatever the headers say.
 */
final class SourceAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Longer than any IPv6 literal with brackets and a zone; a longer entry is no address. */
    private static final int MAX_LENGTH = 64;

    private final NetMaskSet trustedProxies = new NetMaskSet();

    SourceAddress(List<String> cidrs) {
        for (var cidr : cidrs) {
            try {
                trustedProxies.add(new NetMask(cidr.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "badgeflow.admin-service.sign-in.trusted-proxies: " + cidr + " is no address or CIDR", e);
            }
        }
    }

    String of(HttpServletRequest request) {
        var peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !trusted(peer)) {
            return peer;
        }
        var lines = Collections.list(request.getHeaders(FORWARDED_FOR));
        if (lines.isEmpty()) {
            return peer;
        }
        var last = lines.getLast();
        var entry = last.substring(last.lastIndexOf(',') + 1).strip();
        if (entry.startsWith("[") && entry.endsWith("]")) {
            entry = entry.substring(1, entry.length() - 1);
        }
        return entry.isEmpty() || entry.length() > MAX_LENGTH ? peer : entry;
    }

    private boolean trusted(String peer) {
        try {
            return trustedProxies.contains(peer);
        } catch (UnknownHostException e) {
            return false; // the container's remote address is always a literal; never trust what is not one
        }
    }
}
