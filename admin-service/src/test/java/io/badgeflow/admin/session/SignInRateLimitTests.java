package io.badgeflow.admin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.admin.AdminServiceProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The per-source limit of /auth/*: a burst, then 429 with a wait. Which address is the source behind the load
 * balancer is TrustedProxies' (TrustedProxySignInLimitTests, on a real Tomcat).
 */
class SignInRateLimitTests {

    private static SignInRateLimit limit(long burst) {
        var rules =
                new AdminServiceProperties.SignInRules(null, null, new AdminServiceProperties.Limit(burst, 1), null);
        return new SignInRateLimit(new AdminServiceProperties(null, null, rules, null));
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
        var limit = limit(3);
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
}
