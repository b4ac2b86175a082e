package io.badgeflow.accessstream.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SourceAddressTests {

    private final SourceAddress behindTheLoadBalancer = new SourceAddress(List.of("10.0.0.0/8", "::1/128"));

    @Test
    void takesTheEntryTheTrustedProxyAppendedNotWhatTheClientWrote() {
        var request = from("10.1.2.3");
        request.addHeader("X-Forwarded-For", "1.1.1.1, 2.2.2.2, 203.0.113.9");

        assertThat(behindTheLoadBalancer.of(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void readsTheLastHeaderWhenThereAreSeveral() {
        var request = from("10.1.2.3");
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        request.addHeader("X-Forwarded-For", "1.1.1.1,203.0.113.9");

        assertThat(behindTheLoadBalancer.of(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void unwrapsABracketedIpv6Entry() {
        var request = from("::1");
        request.addHeader("X-Forwarded-For", "1.1.1.1, [2001:db8::7]");

        assertThat(behindTheLoadBalancer.of(request)).isEqualTo("2001:db8::7");
    }

    @Test
    void ignoresTheHeaderFromAPeerThatIsNoTrustedProxy() {
        var request = from("203.0.113.50");
        request.addHeader("X-Forwarded-For", "198.51.100.1");

        assertThat(behindTheLoadBalancer.of(request)).isEqualTo("203.0.113.50");
        assertThat(new SourceAddress(List.of()).of(request))
                .as("nothing trusted")
                .isEqualTo("203.0.113.50");
    }

    @Test
    void fallsBackToThePeerWithoutAUsableHeader() {
        assertThat(behindTheLoadBalancer.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
        var empty = from("10.1.2.3");
        empty.addHeader("X-Forwarded-For", "1.1.1.1, ");
        assertThat(behindTheLoadBalancer.of(empty)).isEqualTo("10.1.2.3");
        var absurd = from("10.1.2.3");
        absurd.addHeader("X-Forwarded-For", "x".repeat(100));
        assertThat(behindTheLoadBalancer.of(absurd)).isEqualTo("10.1.2.3");
    }

    @Test
    void refusesATrustedProxyThatIsNoAddress() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SourceAddress(List.of("the-load-balancer")))
                .withMessageContaining("trusted-proxies");
    }

    private static MockHttpServletRequest from(String peer) {
        var request = new MockHttpServletRequest("POST", "/door-api/v1/doors/d-1/decisions");
        request.setRemoteAddr(peer);
        return request;
    }
}
