package io.badgeflow.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The load balancer (here 127.0.0.1, a trusted proxy) ends TLS and says so: the answer carries HSTS; the client it
 * names is the source the sign-in limit counts.
 */
@TestPropertySource(
        properties = {
            "badgeflow.admin-service.trusted-proxies=10.0.0.0/8,127.0.0.1",
            "badgeflow.admin-service.sign-in.per-source.burst=1",
            "badgeflow.admin-service.sign-in.per-source.per-second=1"
        })
class TrustedProxyForwardedHeadersTests extends ForwardedHeadersTestSupport {

    @Test
    void sendsStrictTransportSecurityOnARequestTheLoadBalancerReceivedOverHttps() throws Exception {
        var response = get("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Port", "443");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void sendsNoStrictTransportSecurityOnPlainHttpEvenFromTheLoadBalancer() throws Exception {
        assertThat(get("X-Forwarded-Proto", "http").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
        assertThat(get().headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void limitsSignInPerClientTheLoadBalancerNamesNotPerLoadBalancerNode() throws Exception {
        // A first request from elsewhere warms the path, so the next two come well within the one-second refill.
        signIn("203.0.113.50");
        // The client chose the left entry; the load balancer appended the right-most one, the client's address.
        assertThat(signIn("1.1.1.1, 198.51.100.1").statusCode()).isNotEqualTo(429);
        assertThat(signIn("2.2.2.2, 198.51.100.1").statusCode()).isEqualTo(429);
        assertThat(signIn("198.51.100.2").statusCode()).isNotEqualTo(429);
    }

    @Test
    void refusesAnEntryThatIsNoAddressOrCidrNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TrustedProxies.cidrs(java.util.List.of("10.0.0.0/8", "load-balancer")))
                .hasMessageContaining("load-balancer is no address or CIDR");
        assertThat(TrustedProxies.cidrs(java.util.List.of(" 10.0.0.1 ", "::1", "", "172.16.0.0/12")))
                .containsExactly("10.0.0.1/32", "::1/128", "172.16.0.0/12");
    }
}
