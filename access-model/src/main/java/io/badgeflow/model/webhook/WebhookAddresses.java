package io.badgeflow.model.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The SSRF guard of webhook deliveries: which addresses a webhook may be sent to. On AWS a webhook must not reach
 * into the VPC or the instance metadata service, so loopback, link-local (169.254.169.254), private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT, multicast and unspecified addresses are refused; every
 * address the host resolves to must pass (a name with one public and one private address is refused). Locally the
 * test receiver listens on the loopback, so {@code allowLoopback} (a per-stage setting, off on AWS) admits
 * 127.0.0.0/8 and ::1, and nothing else.
 */
public record WebhookAddresses(boolean allowLoopback) {

    /** Why the first refused address is refused, or null when every one may be reached. */
    public String refusal(List<InetAddress> resolved) {
        if (resolved.isEmpty()) {
            return "the host resolves to no address";
        }
        for (var address : resolved) {
            var why = refusal(address);
            if (why != null) {
                return address.getHostAddress() + " is " + why;
            }
        }
        return null;
    }

    private String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress() || uniqueLocal(address) || carrierGradeNat(address)) {
            return "a private address";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "not a unicast address";
        }
        return null;
    }

    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean carrierGradeNat(InetAddress address) {
        var bytes = address.getAddress();
        return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
