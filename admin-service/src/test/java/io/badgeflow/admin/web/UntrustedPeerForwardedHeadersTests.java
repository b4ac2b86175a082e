package io.badgeflow.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A peer that is not the load balancer (127.0.0.1 while only the VPC's 10.0.0.0/8 is trusted) cannot make a plain
 * http request look secure, nor escape the sign-in limit by naming other clients: its forwarded headers are
 * ignored.
 */
@TestPropertySource(
        properties = {
            "badgeflow.admin-service.trusted-proxies=10.0.0.0/8",
            "badgeflow.admin-service.sign-in.per-source.burst=1",
            "badgeflow.admin-service.sign-in.per-source.per-second=1"
        })
class UntrustedPeerForwardedHeadersTests extends ForwardedHeadersTestSupport {

    @Test
    void ignoresForwardedHeadersFromAPeerThatIsNoTrustedProxy() throws Exception {
        var response = get("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Port", "443");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void countsSignInsByThePeerWhateverItSaysItForwards() throws Exception {
        assertThat(signIn("198.51.100.1").statusCode()).isNotEqualTo(429);
        assertThat(signIn("198.51.100.2").statusCode()).isEqualTo(429);
    }
}
