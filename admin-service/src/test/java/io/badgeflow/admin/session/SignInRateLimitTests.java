package io.badgeflow.admin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.admin.AdminServiceProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The per-source limit of /auth/*: a burst, then 429 with a wait; the source read as access-stream reads it. */
class SignInRateLimitTests {

    private static SignInRateLimit limit(long burst, List<String> trustedProxies) {
        var rules = new AdminServiceProperties.SignInRules(
                null, null, new AdminServiceProperties.Limit(burst, 1), trustedProxies, null);
        return new SignInRateLimit(new AdminServiceProperties(null, null, rules));
    }

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        var request = new MockHttpServletRequest("POST", "/auth/login");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void refusesTheRequestAfterTheBurstWithAWaitOfAtLeastASecond() {
        var limit = limit(3, List.of());
        for (int i = 0; i < 3; i++) {
            assertThat(limit.preHandle(from("203.0.113.7", null), new MockHttpServletResponse(), new Object()))
                    .isTrue();
        }

        assertThatThrownBy(() -> limit.preHandle(from("203.0.113.7", null), new MockHttpServletResponse(), null))
                .isInstanceOfSatisfying(
                        SignInRateLimitedException.class,
                        limited -> assertThat(limited.retryAfterSeconds()).isBetween(1L, 2L));
        // Another source has its own bucket.
        assertThat(limit.preHandle(from("203.0.113.8", null), new MockHttpServletResponse(), null))
                .isTrue();
    }

    @Test
    void countsTheRightMostForwardedAddressFromATrustedProxyOnlyAndIgnoresTheHeaderFromAnyoneElse() {
        var limit = limit(1, List.of("10.0.0.0/8"));

        // Behind the load balancer: the client chose the left entries, the load balancer appended the right one.
        assertThat(limit.preHandle(from("10.0.1.5", "1.1.1.1, 198.51.100.1"), new MockHttpServletResponse(), null))
                .isTrue();
        assertThatThrownBy(() ->
                        limit.preHandle(from("10.0.2.9", "2.2.2.2, 198.51.100.1"), new MockHttpServletResponse(), null))
                .isInstanceOf(SignInRateLimitedException.class);
        // Not from a trusted proxy: the header counts for nothing, the peer is the source.
        assertThat(limit.preHandle(from("198.51.100.2", "198.51.100.1"), new MockHttpServletResponse(), null))
                .isTrue();
        assertThatThrownBy(() ->
                        limit.preHandle(from("198.51.100.2", "203.0.113.99"), new MockHttpServletResponse(), null))
                .isInstanceOf(SignInRateLimitedException.class);
    }
}
